// The OpenRosa 1.0 documents Sigap answers with: the form list, the manifest, and the response envelope.
import { escapeXml } from './xform-rules.ts';

/** The OpenRosa headers every reply under /odk carries. */
export const OPENROSA_VERSION = '1.0';
/** The largest submission body accepted, announced to Collect in X-OpenRosa-Accept-Content-Length. */
export const MAX_SUBMISSION_BYTES = 20 * 1024 * 1024;

/** One form in the list: where to download it and its manifest. */
export type FormListEntry = {
  formId: string;
  name: string;
  version: string;
  hash: string;
  downloadUrl: string;
  manifestUrl: string;
};

/** The OpenRosa form list (xformsList). */
export function formListXml(forms: readonly FormListEntry[]): string {
  const items = forms.map(
    (f) =>
      `<xform><formID>${escapeXml(f.formId)}</formID><name>${escapeXml(f.name)}</name>` +
      `<version>${escapeXml(f.version)}</version><hash>${escapeXml(f.hash)}</hash>` +
      `<downloadUrl>${escapeXml(f.downloadUrl)}</downloadUrl><manifestUrl>${escapeXml(f.manifestUrl)}</manifestUrl></xform>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xforms xmlns="http://openrosa.org/xforms/xformsList">${items.join('')}</xforms>\n`;
}

/** The OpenRosa manifest of a form's media files. */
export function manifestXml(files: readonly { name: string; hash: string; downloadUrl: string }[]): string {
  const items = files.map(
    (f) =>
      `<mediaFile><filename>${escapeXml(f.name)}</filename><hash>${escapeXml(f.hash)}</hash>` +
      `<downloadUrl>${escapeXml(f.downloadUrl)}</downloadUrl></mediaFile>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<manifest xmlns="http://openrosa.org/xforms/xformsManifest">${items.join('')}</manifest>\n`;
}

/** An OpenRosaResponse: a message to show on the phone; `nature` is "error" for a refusal. */
export function openRosaResponseXml(message: string, nature: '' | 'error' = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<OpenRosaResponse xmlns="http://openrosa.org/http/response" items="0"><message nature="${nature}">` +
    `${escapeXml(message)}</message></OpenRosaResponse>\n`
  );
}

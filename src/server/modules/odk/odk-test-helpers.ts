import sharp from 'sharp';

// Helpers of the ODK tests: a photo with location metadata, and multipart bodies as Collect sends them.

/**
 * A small real JPEG whose EXIF holds a GPS block and a `GPSLatitude-8.17` marker text, none of which may survive
 * intake (photos are decoded and encoded again).
 */
export const JPEG_WITH_EXIF: Buffer = await sharp({
  create: { width: 32, height: 24, channels: 3, background: { r: 30, g: 120, b: 200 } },
})
  .withExif({
    IFD0: { ImageDescription: 'GPSLatitude-8.17', Make: 'Ponsel' },
    IFD3: {
      GPSLatitudeRef: 'S',
      GPSLatitude: '8/1 10/1 12/1',
      GPSLongitudeRef: 'E',
      GPSLongitude: '113/1 42/1 0/1',
    },
  })
  .jpeg()
  .toBuffer();

/** The photo as a fresh buffer (a test may hand it to a File). */
export function jpegWithExif(): Buffer {
  return Buffer.from(JPEG_WITH_EXIF);
}

/** One part of a multipart body; a file part has a file name and a type. */
export type Part = { name: string; filename?: string; type?: string; bytes: Buffer | string };

/** A multipart/form-data body of the parts. */
export function encodeMultipart(parts: readonly Part[]): { contentType: string; bytes: Buffer } {
  const boundary = `----sigap-odk-${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"` +
      (part.filename !== undefined
        ? `; filename="${part.filename}"\r\nContent-Type: ${part.type ?? 'application/octet-stream'}`
        : '') +
      '\r\n\r\n';
    chunks.push(Buffer.from(head), Buffer.from(part.bytes), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat(chunks) };
}

/** The parts of a submission: the XML as `xml_submission_file`, then each attachment under its file name. */
export function submissionParts(xml: string | Buffer, attachments: Record<string, Buffer> = {}): Part[] {
  return [
    { name: 'xml_submission_file', filename: 'submission.xml', type: 'text/xml', bytes: xml },
    ...Object.entries(attachments).map(([name, bytes]) => ({
      name,
      filename: name,
      type: name.endsWith('.jpg') ? 'image/jpeg' : 'application/octet-stream',
      bytes,
    })),
  ];
}

/** A filled submission of Sigap's form as Collect writes it; `overrides` replace whole elements by name. */
export function sigapSubmissionXml(input: {
  instanceId: string;
  deprecatedId?: string;
  version?: string;
  description?: string;
  photo?: string;
  desa?: string;
}): string {
  const desa = input.desa ?? '35.09.01.2001';
  const meta =
    `<meta><instanceID>${input.instanceId}</instanceID>` +
    (input.deprecatedId ? `<deprecatedID>${input.deprecatedId}</deprecatedID>` : '') +
    '<instanceName>kejadian</instanceName></meta>';
  return (
    `<?xml version='1.0' ?><data id="sigap_laporan" version="${input.version ?? 'v1'}" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms">` +
    '<kind>kejadian</kind><conflictType>antarwarga</conflictType><triggers>perbedaan_kepentingan</triggers>' +
    `<place><kabkota>${desa.slice(0, 5)}</kabkota><kecamatan>${desa.slice(0, 8)}</kecamatan><desa>${desa}</desa></place>` +
    '<location/><occurredAt>2026-08-22T21:30:00.000+07:00</occurredAt><violenceOngoing>tidak</violenceOngoing>' +
    `<description>${input.description ?? 'Warga dua dusun berselisih soal saluran irigasi.'}</description>` +
    '<groupsInvolved/><counts><involved>20</involved><injured/><dead/><displaced/><housesDamaged/></counts>' +
    '<hasVulnerable>tidak</hasVulnerable><vulnerable/><needs>mediasi</needs>' +
    `<photo>${input.photo ?? ''}</photo>${meta}</data>`
  );
}

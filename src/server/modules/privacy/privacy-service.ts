import type { Lang } from '../../../shared/i18n.ts';
import type { ProcessingRecord } from '../../../shared/privacy/privacy-schema.ts';
import { toWibIso } from '../../../shared/time.ts';
import type { Clock } from '../../platform/clock.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { renderProcessingRecordPdf } from './processing-record-pdf.ts';
import { buildProcessingRecord } from './processing-record-rules.ts';

/** The record of processing activities (ppdp, admin); it names columns and purposes, never a person. */
export function processingRecord(deps: { clock: Clock }, principal: Principal, lang: Lang): ProcessingRecord {
  authorize(principal, 'privacy.record', 'Hanya PPDP dan admin yang membaca catatan pemrosesan');
  return buildProcessingRecord(lang, toWibIso(deps.clock.now()));
}

/** The record of processing as a PDF file. */
export async function processingRecordPdf(
  deps: { clock: Clock },
  principal: Principal,
  lang: Lang,
): Promise<{ fileName: string; bytes: Buffer }> {
  const record = processingRecord(deps, principal, lang);
  const day = record.generatedAt.slice(0, 10);
  const name = lang === 'id' ? 'catatan-pemrosesan-data-pribadi' : 'record-of-processing';
  return { fileName: `${name}-${day}.pdf`, bytes: await renderProcessingRecordPdf(record) };
}

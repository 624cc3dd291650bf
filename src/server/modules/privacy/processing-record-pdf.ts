// The record of processing as a PDF (Indonesian by default): each activity with its subjects, recipients, bases,
// retention and the columns it holds, then the safeguards. Made as every Sigap PDF is (platform/pdf.ts).
import '../../../shared/messages/privacy.ts';
import { t } from '../../../shared/i18n.ts';
import type { ProcessingRecord } from '../../../shared/privacy/privacy-schema.ts';
import { wibStamp } from '../../../shared/time.ts';
import { ACCENT, BOLD, FONT, finishPdf, MARGIN, startTitledPdf } from '../../platform/pdf.ts';

const WORDS = {
  id: {
    title: 'Catatan Kegiatan Pemrosesan Data Pribadi',
    law: 'Menurut UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 31',
    controller: 'Pengendali',
    made: 'Dibuat',
    subjects: 'Subjek data',
    recipients: 'Penerima',
    bases: 'Dasar pemrosesan',
    retention: 'Masa retensi',
    columns: 'Data yang diproses',
    specific: 'spesifik',
    general: 'umum',
    safeguards: 'Langkah pelindungan',
    page: 'halaman',
    of: 'dari',
  },
  en: {
    title: 'Record of Processing Activities',
    law: 'Under UU 27/2022 on Personal Data Protection, Article 31',
    controller: 'Controller',
    made: 'Made',
    subjects: 'Data subjects',
    recipients: 'Recipients',
    bases: 'Lawful basis',
    retention: 'Retention',
    columns: 'Data processed',
    specific: 'specific',
    general: 'general',
    safeguards: 'Safeguards',
    page: 'page',
    of: 'of',
  },
} as const;

/** Renders the record of processing as a PDF. */
export async function renderProcessingRecordPdf(record: ProcessingRecord): Promise<Buffer> {
  const w = WORDS[record.lang];
  const { draft, doc, text } = startTitledPdf(w.title, w.law);
  text(`${w.controller}: ${record.controller}`);
  text(`${w.made}: ${wibStamp(record.generatedAt)}`);

  record.activities.forEach((activity, i) => {
    if (doc.y + 120 > doc.page.height - MARGIN) doc.addPage();
    doc.moveDown(0.8);
    text(`${i + 1}. ${activity.name}`, BOLD, 12, ACCENT);
    text(`${w.subjects}: ${activity.subjects}`);
    text(`${w.recipients}: ${activity.recipients}`);
    text(`${w.bases}: ${activity.bases.join('; ')}`);
    text(`${w.retention}: ${activity.retention.join('; ')}`);
    text(`${w.columns}:`, BOLD);
    for (const c of activity.columns) {
      const kinds = c.specific.map((kind) => t(record.lang, `privacy.kind.${kind}`));
      const category = c.category === 'spesifik' ? `${w.specific} (${kinds.join(', ')})` : w.general;
      text(`• ${c.table}.${c.column} [${category}]: ${c.purpose}`, FONT, 8.5);
    }
  });

  doc.moveDown(0.8);
  text(w.safeguards, BOLD, 12, ACCENT);
  for (const line of record.safeguards) text(`• ${line}`, FONT, 9);

  return finishPdf(draft, (page, count) => `Sigap · ${w.title} · ${w.page} ${page} ${w.of} ${count}`);
}

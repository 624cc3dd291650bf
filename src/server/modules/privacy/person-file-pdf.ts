// The person's file (berkas data pribadi) as a PDF in Indonesian: each record Sigap holds about the person with
// every declared field, what it is for, on which basis and how long it is kept (UU 27/2022 Pasal 7 and 32).
// Made as every Sigap PDF is (platform/pdf.ts).
import type { PersonFile } from '../../../shared/privacy/rights-schema.ts';
import { wibStamp } from '../../../shared/time.ts';
import { ACCENT, BOLD, FONT, finishPdf, MARGIN, MUTED, startTitledPdf } from '../../platform/pdf.ts';

const TITLE = 'Berkas Data Pribadi Subjek Data';

/** Renders the person's file. */
export async function renderPersonFilePdf(file: PersonFile): Promise<Buffer> {
  const { draft, doc, text } = startTitledPdf(
    TITLE,
    'Menurut UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 7 dan Pasal 32',
  );
  text(`Pengendali: ${file.controller}`);
  text(`Dibuat: ${wibStamp(file.generatedAt)}`);
  text(`Nomor permintaan: ${file.requestId}`);
  if (file.records.length === 0) {
    doc.moveDown(0.8);
    text('Tidak ada data pribadi yang tersimpan untuk permintaan ini.');
  }
  file.records.forEach((record, i) => {
    if (doc.y + 100 > doc.page.height - MARGIN) doc.addPage();
    doc.moveDown(0.8);
    text(`${i + 1}. ${record.label}`, BOLD, 12, ACCENT);
    for (const field of record.fields) {
      if (doc.y + 40 > doc.page.height - MARGIN) doc.addPage();
      text(`${field.column}: ${field.value ?? '(kosong)'}`, BOLD, 9.5);
      text(
        `Tujuan: ${field.purpose} · Dasar: ${field.basis} · Retensi: ${field.retention}`,
        FONT,
        8.5,
        MUTED,
      );
    }
  });
  doc.moveDown(0.8);
  text(
    'Subjek data berhak meminta perbaikan (Pasal 6), penghapusan (Pasal 8) dan menarik persetujuan (Pasal 9) ' +
      'melalui pejabat pelindung data pribadi Dinas Sosial.',
    FONT,
    9,
  );

  return finishPdf(draft, (page, count) => `Sigap · ${TITLE} · halaman ${page} dari ${count}`);
}

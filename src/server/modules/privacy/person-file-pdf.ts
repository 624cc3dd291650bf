// The person's file (berkas data pribadi) as a PDF in Indonesian: each record Sigap holds about the person with
// every declared field, what it is for, on which basis and how long it is kept (UU 27/2022 Pasal 7 and 32).
// pdfkit with built-in Helvetica, as the record of processing.
import PDFDocument from 'pdfkit';
import type { PersonFile } from '../../../shared/privacy/rights-schema.ts';
import { toWinAnsi } from '../evaluation/evaluation-pdf.ts';

const MARGIN = 40;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#0b6e4f';
const TITLE = 'Berkas Data Pribadi Subjek Data';

/** Renders the person's file. */
export async function renderPersonFilePdf(file: PersonFile): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: TITLE, Author: 'Sigap - Dinas Sosial Provinsi Jawa Timur' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;
  const text = (value: string, font = FONT, size = 9.5, color = INK) =>
    doc.font(font).fontSize(size).fillColor(color).text(toWinAnsi(value), MARGIN, doc.y, { width });

  text(TITLE, BOLD, 18);
  text('Menurut UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 7 dan Pasal 32', FONT, 10, MUTED);
  doc.moveDown(0.5);
  text(`Pengendali: ${file.controller}`);
  text(`Dibuat: ${file.generatedAt.slice(0, 16).replace('T', ' ')} WIB`);
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

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(
        toWinAnsi(`Sigap · ${TITLE} · halaman ${i + 1} dari ${range.count}`),
        MARGIN,
        doc.page.height - MARGIN,
        {
          width,
          lineBreak: false,
        },
      );
  }
  doc.end();
  return done;
}

// The record of processing as a PDF (Indonesian by default): each activity with its subjects, recipients, bases,
// retention and the columns it holds, then the safeguards. pdfkit with built-in Helvetica, as the evaluation's PDF.
import PDFDocument from 'pdfkit';
import type { ProcessingRecord } from '../../../shared/privacy/privacy-schema.ts';
import { toWinAnsi } from '../evaluation/evaluation-pdf.ts';

const MARGIN = 40;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#0b6e4f';

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
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: toWinAnsi(w.title), Author: 'Sigap - Dinas Sosial Provinsi Jawa Timur' },
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

  text(w.title, BOLD, 18);
  text(w.law, FONT, 10, MUTED);
  doc.moveDown(0.5);
  text(`${w.controller}: ${record.controller}`);
  text(`${w.made}: ${record.generatedAt.slice(0, 16).replace('T', ' ')} WIB`);

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
      const category = c.category === 'spesifik' ? `${w.specific} (${c.specific.join(', ')})` : w.general;
      text(`• ${c.table}.${c.column} [${category}]: ${c.purpose}`, FONT, 8.5);
    }
  });

  doc.moveDown(0.8);
  text(w.safeguards, BOLD, 12, ACCENT);
  for (const line of record.safeguards) text(`• ${line}`, FONT, 9);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(
        toWinAnsi(`Sigap · ${w.title} · ${w.page} ${i + 1} ${w.of} ${range.count}`),
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

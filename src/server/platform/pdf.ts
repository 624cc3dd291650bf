// Sigap's PDFs share one look and one way of being made: pdfkit with its built-in Helvetica (WinAnsi), so no
// font files are needed, A4, every page kept until the end so each gets its footer ("halaman 2 dari 5").
import PDFDocument from 'pdfkit';

export const MARGIN = 40;
export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const INK = '#1f2933';
export const MUTED = '#52606d';
export const ACCENT = '#0b6e4f';

const REPLACEMENTS: Record<string, string> = { '≤': '<=', '≥': '>=', '→': '->', '←': '<-', '×': 'x' };

/** Text Helvetica (WinAnsi) can print: known symbols spelled out, anything else outside Latin-1 dropped. */
export function toWinAnsi(text: string): string {
  return text.replace(/[^\u0020-\u00ff\n–—‘’“”•…€™]/g, (ch) => REPLACEMENTS[ch] ?? '?');
}

/** A document being written, and its bytes once `finishPdf` ends it. */
export interface PdfDraft {
  doc: PDFKit.PDFDocument;
  /** The width between the margins. */
  width: number;
  bytes: Promise<Buffer>;
}

/** Starts an A4 document (portrait unless `layout` says otherwise) by Sigap, with `info` (Title, Subject). */
export function startPdf(info: PDFKit.DocumentInfo, layout: 'portrait' | 'landscape' = 'portrait'): PdfDraft {
  const doc = new PDFDocument({
    size: 'A4',
    ...(layout === 'landscape' ? { layout } : {}),
    margin: MARGIN,
    bufferPages: true,
    info: { ...info, Author: 'Sigap - Dinas Sosial Provinsi Jawa Timur' },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, width: doc.page.width - MARGIN * 2, bytes };
}

/** A paragraph at the left margin in `font`, `size` and `color`, made printable (toWinAnsi). */
export function paragraphWriter({ doc, width }: PdfDraft) {
  return (value: string, font = FONT, size = 9.5, color = INK) =>
    doc.font(font).fontSize(size).fillColor(color).text(toWinAnsi(value), MARGIN, doc.y, { width });
}

/**
 * Starts a portrait document headed by its title (also its Title) and, in muted type beneath it, the law it answers
 * to; gives the draft, its document and its paragraph writer, the next line a little lower.
 */
export function startTitledPdf(title: string, law: string) {
  const draft = startPdf({ Title: toWinAnsi(title) });
  const text = paragraphWriter(draft);
  text(title, BOLD, 18);
  text(law, FONT, 10, MUTED);
  draft.doc.moveDown(0.5);
  return { draft, doc: draft.doc, text };
}

/** Writes `footer(page, count)` (page from 1) at the foot of every page, ends the document, gives its bytes. */
export function finishPdf(
  { doc, width, bytes }: PdfDraft,
  footer: (page: number, count: number) => string,
): Promise<Buffer> {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(toWinAnsi(footer(i + 1, range.count)), MARGIN, doc.page.height - MARGIN, {
        width,
        lineBreak: false,
      });
  }
  doc.end();
  return bytes;
}

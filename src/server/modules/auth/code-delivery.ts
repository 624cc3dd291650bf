// How one-time sign-in codes reach people. Today there is one channel, a printed sheet (PDF) the operator
// hands out; sending codes by WhatsApp or SMS to a pillar's registered number is a later issue and will be a
// second implementation of `CodeDelivery`, chosen when those channels are configured.

import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { wibStamp } from '../../../shared/time.ts';
import type { IssuedCode } from './sign-in-code-service.ts';

/** What a delivery needs besides the codes: where the app is reached. */
export type DeliveryContext = { appUrl: string; title: string };

/** The outcome of a delivery: for the print channel, the sheet to hand to the operator. */
export type Delivered = { channel: 'print'; fileName: string; pdf: Buffer };

/** A way to hand codes to people. */
export interface CodeDelivery {
  deliver(codes: readonly IssuedCode[], context: DeliveryContext): Promise<Delivered>;
}

/** The address a person opens to sign in with their code (the login page's one-time code path). */
export function signInAddress(appUrl: string, username: string): string {
  return `${appUrl.replace(/\/$/, '')}/?kode=1&u=${encodeURIComponent(username)}`;
}

const MARGIN = 40;
const CARD_HEIGHT = 140;
const QR_SIZE = 110;

/** Text Helvetica (WinAnsi) prints: anything outside Latin-1 becomes '?'. */
function winAnsi(text: string): string {
  return text.replace(/[^\u0020-\u00ff\n–—‘’“”•…]/g, '?');
}

/** A QR code drawn as vector squares (much faster and smaller than an image per card). */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = QR_SIZE / (modules.size + 2);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + (col + 1) * cell, y + (row + 1) * cell, cell, cell);
    }
  }
  doc.fillColor('#000000').fill();
}

/** The print channel: an A4 sheet, one card per person, to cut apart and hand out. */
export const printDelivery: CodeDelivery = {
  async deliver(codes, context) {
    const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: context.title } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    const heading = () => {
      doc.font('Helvetica-Bold').fontSize(13).fillColor('#1f2933').text(winAnsi(context.title));
      doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor('#52606d')
        .text('Kode masuk sekali pakai / One-time sign-in codes. Rahasiakan; berikan kepada pemiliknya saja.')
        .text('Keep secret; hand each card to its owner only.');
      doc.moveDown(0.5);
    };
    heading();
    const width = doc.page.width - MARGIN * 2;
    for (const item of codes) {
      if (doc.y + CARD_HEIGHT > doc.page.height - MARGIN) {
        doc.addPage();
        heading();
      }
      const top = doc.y;
      doc
        .rect(MARGIN, top, width, CARD_HEIGHT - 10)
        .strokeColor('#9aa5b1')
        .dash(4, { space: 3 })
        .stroke()
        .undash();
      const address = signInAddress(context.appUrl, item.username);
      drawQr(doc, address, MARGIN + width - QR_SIZE - 10, top + 10);
      const x = MARGIN + 12;
      const textWidth = width - QR_SIZE - 40;
      doc
        .fillColor('#1f2933')
        .font('Helvetica-Bold')
        .fontSize(12)
        .text(winAnsi(item.displayName), x, top + 10, {
          width: textWidth,
        });
      const line = (label: string, value: string, bold = false) => {
        doc
          .font('Helvetica')
          .fontSize(8)
          .fillColor('#52606d')
          .text(label, x, doc.y + 3, { width: textWidth });
        doc
          .font(bold ? 'Courier-Bold' : 'Helvetica')
          .fontSize(bold ? 13 : 10)
          .fillColor('#1f2933')
          .text(winAnsi(value), x, doc.y, { width: textWidth });
      };
      line('Nama pengguna / Username', item.username, true);
      line('Kode sekali pakai / One-time code', item.code, true);
      line('Berlaku sampai / Valid until', wibStamp(item.expiresAt));
      line('Buka / Open', address);
      doc.y = top + CARD_HEIGHT;
      doc.x = MARGIN;
    }
    doc.end();
    await done;
    return { channel: 'print', fileName: 'kode-masuk.pdf', pdf: Buffer.concat(chunks) };
  },
};

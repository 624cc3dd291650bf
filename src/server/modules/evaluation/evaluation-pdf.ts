// The evaluation as a PDF in Indonesian: a title page with scope and period, every table, two bar charts,
// the definitions, and the generation time on every page (platform/pdf.ts: Helvetica, WinAnsi).
import { DEFINITIONS, FIGURE_IDS } from '../../../shared/evaluation/definitions.ts';
import {
  type EvaluationSummary,
  formatMinutes,
  formatShare,
} from '../../../shared/evaluation/evaluation-schema.ts';
import { formatDay } from '../../../shared/evaluation/period.ts';
import { wibStamp } from '../../../shared/time.ts';
import {
  ACCENT,
  BOLD,
  FONT,
  finishPdf,
  INK,
  MARGIN,
  MUTED,
  startPdf,
  toWinAnsi,
} from '../../platform/pdf.ts';
import { buildReportTables, type Cell, type ColumnKind, type ReportTable } from './evaluation-tables.ts';

const RULE = '#cbd2d9';

const numberId = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** A cell as the PDF prints it (Indonesian number style). */
export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'minutes':
      return formatMinutes(value, 'id');
    case 'share':
      return formatShare(value, 'id');
    default:
      return numberId.format(value);
  }
}

type Doc = PDFKit.PDFDocument;

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN - 20;
}

function heading(doc: Doc, text: string, size = 13): void {
  if (doc.y + 60 > bottom(doc)) doc.addPage();
  doc.moveDown(0.6).font(BOLD).fontSize(size).fillColor(ACCENT).text(toWinAnsi(text), MARGIN);
  doc.moveDown(0.3).fillColor(INK);
}

function drawTable(doc: Doc, table: ReportTable): void {
  heading(doc, table.title);
  const width = doc.page.width - MARGIN * 2;
  const first = table.columns.length > 4 ? width * 0.24 : width * 0.5;
  const rest = (width - first) / (table.columns.length - 1);
  const widths = table.columns.map((_, i) => (i === 0 ? first : rest));
  const fontSize = table.columns.length > 6 ? 7.5 : 9;
  const drawRow = (cells: string[], isHeader: boolean) => {
    doc.font(isHeader ? BOLD : FONT).fontSize(fontSize);
    const height =
      Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 6 }))) + 6;
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      if (!isHeader)
        drawRow(
          table.columns.map((c) => toWinAnsi(c.title)),
          true,
        );
      doc.font(isHeader ? BOLD : FONT).fontSize(fontSize);
    }
    const y = doc.y;
    if (isHeader) doc.rect(MARGIN, y, width, height).fill('#e4f2ec').fillColor(INK);
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.fillColor(INK).text(cell, x + 3, y + 3, {
        width: widths[i] - 6,
        align: i === 0 ? 'left' : 'right',
        lineBreak: true,
      });
      x += widths[i];
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .strokeColor(RULE)
      .lineWidth(0.5)
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(
    table.columns.map((c) => toWinAnsi(c.title)),
    true,
  );
  if (table.rows.length === 0) drawRow(['Tidak ada data', ...table.columns.slice(1).map(() => '')], false);
  for (const row of table.rows) {
    drawRow(
      row.map((cell, i) => toWinAnsi(formatCell(cell, table.columns[i].kind))),
      false,
    );
  }
  const notes = table.notes.map((id) => DEFINITIONS[id].title.id).join('; ');
  doc
    .moveDown(0.3)
    .font(FONT)
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(toWinAnsi(`Definisi: lihat bagian Definisi — ${notes}.`), MARGIN, doc.y, { width })
    .fillColor(INK);
}

/** A horizontal bar chart: one bar per label, the value printed at its end. */
function drawBars(
  doc: Doc,
  title: string,
  bars: { label: string; value: number | null; text: string }[],
  limit?: { value: number; label: string },
): void {
  heading(doc, title, 11);
  const width = doc.page.width - MARGIN * 2;
  const labelWidth = 150;
  const barArea = width - labelWidth - 80;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0), limit?.value ?? 0);
  const barHeight = 12;
  if (doc.y + bars.length * (barHeight + 5) + 20 > bottom(doc)) doc.addPage();
  const top = doc.y;
  bars.forEach((bar, i) => {
    const y = top + i * (barHeight + 5);
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(INK)
      .text(toWinAnsi(bar.label), MARGIN, y + 2, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    const length = ((bar.value ?? 0) / max) * barArea;
    if (length > 0) doc.rect(MARGIN + labelWidth, y, length, barHeight).fill(ACCENT);
    doc
      .fillColor(INK)
      .text(toWinAnsi(bar.text), MARGIN + labelWidth + length + 4, y + 2, { width: 76, lineBreak: false });
  });
  const chartBottom = top + bars.length * (barHeight + 5);
  if (limit) {
    const x = MARGIN + labelWidth + (limit.value / max) * barArea;
    doc
      .moveTo(x, top - 3)
      .lineTo(x, chartBottom)
      .dash(3, { space: 2 })
      .strokeColor('#c0392b')
      .stroke()
      .undash();
    doc
      .fontSize(7.5)
      .fillColor('#c0392b')
      .text(toWinAnsi(limit.label), x + 3, chartBottom + 2, { lineBreak: false });
  }
  doc.fillColor(INK);
  doc.x = MARGIN;
  doc.y = chartBottom + 16;
}

function titlePage(doc: Doc, summary: EvaluationSummary, requestedBy: string): void {
  const width = doc.page.width - MARGIN * 2;
  doc.rect(0, 0, doc.page.width, 8).fill(ACCENT);
  doc.y = 110;
  doc
    .font(BOLD)
    .fontSize(11)
    .fillColor(MUTED)
    .text('DINAS SOSIAL PROVINSI JAWA TIMUR', MARGIN, doc.y, { width });
  doc.moveDown(0.8).font(BOLD).fontSize(24).fillColor(INK);
  doc.text('Laporan Evaluasi Penanganan Konflik Sosial bagi Kelompok Rentan', { width });
  doc.moveDown(1).font(FONT).fontSize(14).fillColor(INK);
  doc.text(toWinAnsi(`Lingkup: ${summary.scope.name}`), { width });
  const p = summary.current.period;
  doc.text(toWinAnsi(`Periode: ${p.label} (${formatDay(p.from)} – ${formatDay(p.to)})`), { width });
  const q = summary.previous.period;
  doc
    .fontSize(11)
    .fillColor(MUTED)
    .text(toWinAnsi(`Dibandingkan dengan: ${q.label} (${formatDay(q.from)} – ${formatDay(q.to)})`), {
      width,
    });
  doc.moveDown(2).fontSize(10).fillColor(INK);
  doc.text(toWinAnsi(`Dibuat: ${summary.generatedAt.replace('T', ' ').replace('+07:00', '')} WIB`), {
    width,
  });
  doc.text(toWinAnsi(`Diminta oleh: ${requestedBy}`), { width });
  doc.text(toWinAnsi(`Kab/kota dalam lingkup: ${summary.scope.kabkota.length}`), { width });
  doc
    .moveDown(2)
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      toWinAnsi(
        'Evaluasi rutin, minimal tri wulan sekali: apakah penanganan konflik sosial bagi kelompok rentan sudah optimal. ' +
          'Setiap angka dapat ditelusuri ke catatan di baliknya: di Sigap, buka menu Evaluasi, pilih lingkup dan ' +
          'periode laporan ini, lalu klik angkanya (halaman Catatan di balik angka, dengan filter dan unduhan CSV).',
      ),
      { width },
    );
}

/** Renders the PDF of a summary. */
export async function renderEvaluationPdf(summary: EvaluationSummary, requestedBy: string): Promise<Buffer> {
  const draft = startPdf(
    {
      Title: toWinAnsi(`Evaluasi ${summary.scope.name} ${summary.current.period.label}`),
      Subject: 'Evaluasi penanganan konflik sosial',
    },
    'landscape',
  );
  const { doc } = draft;

  titlePage(doc, summary, requestedBy);
  doc.addPage();
  const tables = buildReportTables(summary);
  for (const table of tables) {
    drawTable(doc, table);
    if (table.id === 'kabkota' && summary.byKabkota.length > 0) {
      drawBars(
        doc,
        'Grafik: laporan per kab/kota',
        summary.byKabkota.map((k) => ({
          label: k.name,
          value: k.reports.value,
          text: numberId.format(k.reports.value),
        })),
      );
      const p1Deadline = summary.current.timings.acknowledge.P1.deadline;
      drawBars(
        doc,
        'Grafik: median waktu menerima laporan per kab/kota',
        summary.byKabkota.map((k) => ({
          label: k.name,
          value: k.acknowledge.median,
          text: formatMinutes(k.acknowledge.median),
        })),
        p1Deadline ? { value: p1Deadline, label: `batas P1 ${formatMinutes(p1Deadline)}` } : undefined,
      );
    }
  }

  doc.addPage();
  heading(doc, 'Definisi', 14);
  const width = doc.page.width - MARGIN * 2;
  for (const id of FIGURE_IDS) {
    const d = DEFINITIONS[id];
    if (doc.y + 40 > bottom(doc)) doc.addPage();
    doc.font(BOLD).fontSize(9).fillColor(INK).text(toWinAnsi(d.title.id), MARGIN, doc.y, { width });
    doc.font(FONT).fontSize(8.5).fillColor(INK).text(toWinAnsi(d.text.id), { width });
    doc.moveDown(0.4);
  }

  const stamp = `Sigap · ${summary.scope.name} · ${summary.current.period.label} · dibuat ${wibStamp(summary.generatedAt)}`;
  return finishPdf(draft, (page, count) => `${stamp} · halaman ${page} dari ${count}`);
}

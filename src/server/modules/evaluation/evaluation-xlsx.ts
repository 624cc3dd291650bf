// The evaluation as an XLSX workbook: a summary sheet, one sheet per table, and the definitions. Numbers are
// stored as numbers (minutes, counts; shares as fractions shown as percentages) so they can be recomputed.
import ExcelJS from 'exceljs';
import type { EvaluationSummary } from '../../../shared/evaluation/evaluation-schema.ts';
import { formatDay } from '../../../shared/evaluation/period.ts';
import { buildReportTables, definitionRows } from './evaluation-tables.ts';

const NUMBER_FORMATS = { count: '#,##0', minutes: '#,##0.0', share: '0.0%', text: '@' } as const;

/** Renders the XLSX workbook of a summary. */
export async function renderEvaluationXlsx(summary: EvaluationSummary, requestedBy: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sigap';
  workbook.created = new Date(summary.generatedAt);

  const info = workbook.addWorksheet('Ringkasan');
  info.columns = [
    { header: 'Keterangan', key: 'k', width: 28 },
    { header: 'Nilai', key: 'v', width: 60 },
  ];
  const p = summary.current.period;
  const q = summary.previous.period;
  info.addRows([
    ['Judul', 'Laporan Evaluasi Penanganan Konflik Sosial bagi Kelompok Rentan'],
    ['Lingkup', summary.scope.name],
    ['Kode lingkup', summary.scope.code],
    ['Periode', `${p.label} (${formatDay(p.from)} – ${formatDay(p.to)})`],
    ['Periode pembanding', `${q.label} (${formatDay(q.from)} – ${formatDay(q.to)})`],
    ['Dibuat (WIB)', summary.generatedAt],
    ['Diminta oleh', requestedBy],
    ['Kab/kota', summary.scope.kabkota.join(', ')],
    ['Satuan waktu', 'menit; tepat waktu sebagai persentase'],
  ]);
  info.getRow(1).font = { bold: true };

  for (const table of buildReportTables(summary)) {
    const sheet = workbook.addWorksheet(table.sheet.replace(/[[\]:*?/\\]/g, '-').slice(0, 31));
    sheet.addRow([table.title]).font = { bold: true, size: 12 };
    const header = sheet.addRow(
      table.columns.map((c) =>
        c.kind === 'minutes' ? `${c.title} (menit)` : c.kind === 'share' ? `${c.title} (%)` : c.title,
      ),
    );
    header.font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => (cell === null ? null : cell)));
    table.columns.forEach((column, i) => {
      const col = sheet.getColumn(i + 1);
      col.width = i === 0 ? 34 : 18;
      if (column.kind !== 'text') col.numFmt = NUMBER_FORMATS[column.kind];
    });
  }

  const definitions = workbook.addWorksheet('Definisi');
  definitions.columns = [
    { header: 'Angka', key: 'a', width: 34 },
    { header: 'Definisi', key: 'b', width: 90 },
    { header: 'Definition (English)', key: 'c', width: 90 },
  ];
  definitions.getRow(1).font = { bold: true };
  definitions.addRows(definitionRows());
  for (const column of [2, 3]) definitions.getColumn(column).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

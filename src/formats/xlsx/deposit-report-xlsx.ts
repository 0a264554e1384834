import { toMajorString } from '../../domain/money/money.ts';
import type { ReportTable } from '../csv/deposit-report-columns.ts';
import { numberFormat } from './aging-xlsx.ts';

/**
 * A deposit report (csv/deposit-report-columns.ts) as an exceljs workbook: one sheet, bold frozen
 * header, amounts as numeric cells with the currency's decimals, total rows bold.
 */
export async function depositReportXlsx(table: ReportTable): Promise<Buffer> {
  // Loaded at the first export, not at every start of the server.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Saldo';
  workbook.title = table.title;
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.header.map((header) => ({ header, width: Math.max(12, header.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(
      row.cells.map((cell) =>
        typeof cell === 'string' ? cell : Number(toMajorString(cell.amount, cell.currency)),
      ),
    );
    row.cells.forEach((cell, i) => {
      if (typeof cell !== 'string') added.getCell(i + 1).numFmt = numberFormat(cell.currency);
    });
    if (row.total) added.font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import type { DepositReports, ReportFile } from '../../domain/deposits/send-deposit-report.ts';
import type { ExportLocale as Locale } from '../aging-columns.ts';
import { depositedTable, initiatedTable } from '../csv/deposit-report-columns.ts';
import { depositReportCsv } from '../csv/deposit-report-csv.ts';
import { depositReportXlsx } from './deposit-report-xlsx.ts';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The files a deposit's report e-mail carries: payments initiated and payments deposited, each as CSV and XLSX. */
export async function depositReportFiles(reports: DepositReports, locale: Locale): Promise<ReportFile[]> {
  const files: ReportFile[] = [];
  for (const table of [
    initiatedTable(reports.initiated, locale),
    depositedTable(reports.deposited, locale),
  ]) {
    files.push({
      filename: `${table.basename}.csv`,
      contentType: CSV_TYPE,
      content: Buffer.from(depositReportCsv(table)),
    });
    files.push({
      filename: `${table.basename}.xlsx`,
      contentType: XLSX_TYPE,
      content: await depositReportXlsx(table),
    });
  }
  return files;
}

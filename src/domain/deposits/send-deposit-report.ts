import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB, Locale } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { claimReport, type Deposit, findRecipients } from './deposits.repository.ts';
import { type PaymentsDepositedReport, paymentsDepositedReport } from './payments-deposited-report.ts';
import { type PaymentsInitiatedReport, paymentsInitiatedReport } from './payments-initiated-report.ts';

export const DEPOSIT_REPORT_TASK = 'deposits.report';
export interface DepositReportPayload {
  orgId: string;
  depositId: string;
}
/** One job per deposit, however often its sync is retried. */
export const depositReportJobKey = (depositId: string) => `deposit-report:${depositId}`;

export interface ReportFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface DepositReports {
  initiated: PaymentsInitiatedReport;
  deposited: PaymentsDepositedReport;
}

/** Writes the two reports as files (formats/: CSV and XLSX of each), headers in `locale`. */
export type RenderDepositReportFiles = (reports: DepositReports, locale: Locale) => Promise<ReportFile[]>;

export interface DepositReportMail {
  orgId: string;
  to: string;
  locale: Locale;
  deposit: Deposit;
  /** How many payments of the kind were initiated in the days the deposit covers, and their sum. */
  initiated: { count: number; amount: bigint };
  files: ReportFile[];
}

/**
 * The port the report e-mail goes out through (src/mail/templates/deposit-report-mail.ts): it
 * writes the message and its files to the outbox and queues the delivery, in the caller's
 * transaction.
 */
export interface DepositReportMailer {
  enqueue(db: Kysely<DB> | Transaction<DB>, mail: DepositReportMail): Promise<{ id: string }>;
}

/**
 * Mails a deposit's two reports — payments initiated and payments deposited, each as CSV and
 * XLSX — to each of the seller's chosen recipients, in the seller's language. Once per deposit:
 * the deposit's `report_sent_at` is claimed in the transaction that writes the messages, so a
 * retried job sends nothing more. A seller without recipients has nothing sent (the claim still
 * holds: the reports stay downloadable).
 */
export async function sendDepositReport(
  deps: { db: Database; mailer: DepositReportMailer; renderFiles: RenderDepositReportFiles },
  input: DepositReportPayload,
): Promise<{ sent: number }> {
  const { db } = deps;
  const org = await db
    .selectFrom('organizations')
    .select(['locale'])
    .where('id', '=', input.orgId)
    .executeTakeFirst();
  const [initiated, deposited] = await Promise.all([
    paymentsInitiatedReport({ db }, input),
    paymentsDepositedReport({ db }, input),
  ]);
  if (!org || !initiated || !deposited) return { sent: 0 };
  const deposit = deposited.deposits[0]!.deposit;
  if (deposit.reportSentAt) return { sent: 0 };
  const files = await deps.renderFiles({ initiated, deposited }, org.locale);
  const total = initiated.currencies.find((c) => c.currency === deposit.currency)?.total;
  return inTransaction(db, async (trx) => {
    if (!(await claimReport(trx, input))) return { sent: 0 };
    const recipients = await findRecipients(trx, input.orgId);
    for (const to of recipients)
      await deps.mailer.enqueue(trx, {
        orgId: input.orgId,
        to,
        locale: org.locale,
        deposit,
        initiated: { count: total?.count ?? 0, amount: total?.amount ?? 0n },
        files,
      });
    return { sent: recipients.length };
  });
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Deposit, DepositLineView } from '../../../domain/deposits/deposits.repository.ts';
import { getDeposit } from '../../../domain/deposits/get-deposit.ts';
import { getDepositReportRecipients } from '../../../domain/deposits/get-deposit-report-recipients.ts';
import { listDeposits } from '../../../domain/deposits/list-deposits.ts';
import { paymentsDepositedReport } from '../../../domain/deposits/payments-deposited-report.ts';
import {
  paymentsInitiatedReport,
  type ReportScope,
} from '../../../domain/deposits/payments-initiated-report.ts';
import {
  MAX_DEPOSIT_RECIPIENTS,
  setDepositReportRecipients,
} from '../../../domain/deposits/set-deposit-report-recipients.ts';
import { syncDeposits } from '../../../domain/deposits/sync-deposits.ts';
import { AppError } from '../../../domain/errors.ts';
import {
  depositedTable,
  initiatedTable,
  type ReportTable,
} from '../../../formats/csv/deposit-report-columns.ts';
import { depositReportCsv } from '../../../formats/csv/deposit-report-csv.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../../formats/xlsx/deposit-report-files.ts';
import { depositReportXlsx } from '../../../formats/xlsx/deposit-report-xlsx.ts';
import type { AppDeps } from '../../deps.ts';
import { actorOf, requireStaff, staffOf } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import { CalendarDate, DateTime, MinorSumOut, PageQuery, problems, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Kind = Type.Union([Type.Literal('card'), Type.Literal('ach')]);
const Amount = MinorSumOut;

const DepositSchema = Type.Object({
  id: Uuid,
  processor: Type.Union([Type.Literal('sandbox'), Type.Literal('stripe')]),
  payoutId: Type.String(),
  kind: Kind,
  currency: Type.String(),
  arrivalDate: CalendarDate,
  coversFrom: CalendarDate,
  coversTo: CalendarDate,
  charges: Amount,
  refunds: Amount,
  returns: Amount,
  adjustments: Amount,
  gross: Amount,
  fees: Amount,
  net: Amount,
  status: Type.Union([Type.Literal('reconciled'), Type.Literal('unmatched')]),
  reportSentAt: Nullable(DateTime),
});

const LineSchema = Type.Object({
  lineNo: Type.Integer(),
  type: Type.Union([
    Type.Literal('charge'),
    Type.Literal('refund'),
    Type.Literal('return'),
    Type.Literal('dispute'),
    Type.Literal('fee'),
    Type.Literal('adjustment'),
  ]),
  processorPaymentId: Nullable(Type.String()),
  amount: Amount,
  fee: Amount,
  net: Amount,
  paymentId: Nullable(Uuid),
  refundId: Nullable(Uuid),
  paymentNumber: Nullable(Type.String()),
  customerId: Nullable(Uuid),
  customerName: Nullable(Type.String()),
  source: Nullable(Type.String()),
});

const DetailSchema = Type.Object({
  deposit: DepositSchema,
  lines: Type.Array(LineSchema),
  /** The entry that took the deposit out of processor_clearing (null: nothing could be posted). */
  journalEntryId: Nullable(Uuid),
  /** That entry summed per account (its lines are per payment); empty without one. */
  journal: Type.Array(Type.Object({ account: Type.String(), amount: Amount })),
});

const ReportFile = Type.Union([
  Type.Literal('payments-initiated.csv'),
  Type.Literal('payments-initiated.xlsx'),
  Type.Literal('payments-deposited.csv'),
  Type.Literal('payments-deposited.xlsx'),
]);
const Recipients = Type.Object({
  emails: Type.Array(Type.String({ maxLength: 320 }), { maxItems: MAX_DEPOSIT_RECIPIENTS }),
});
const MAX_REPORT_DAYS = 366;
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

function depositJson(d: Deposit) {
  return {
    id: d.id,
    processor: d.processor,
    payoutId: d.payoutId,
    kind: d.kind,
    currency: d.currency,
    arrivalDate: d.arrivalDate,
    coversFrom: d.coversFrom,
    coversTo: d.coversTo,
    charges: d.charges,
    refunds: d.refunds,
    returns: d.returns,
    adjustments: d.adjustments,
    gross: d.gross,
    fees: d.fees,
    net: d.net,
    status: d.status,
    reportSentAt: d.reportSentAt,
  };
}

function lineJson(l: DepositLineView) {
  return {
    lineNo: l.lineNo,
    type: l.type,
    processorPaymentId: l.processorPaymentId,
    amount: l.amount,
    fee: l.fee,
    net: l.net,
    paymentId: l.paymentId,
    refundId: l.refundId,
    paymentNumber: l.paymentNumber,
    customerId: l.customerId,
    customerName: l.customerName,
    source: l.source,
  };
}

/**
 * Deposits: what each processor paid into the seller's bank per business day (card and ACH
 * apart), their lines and journal entry, the two reports as CSV/XLSX, who receives them by
 * e-mail, and a sync on demand. Always the staff's own seller: another seller's deposit is 404.
 */
export const depositRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db, gateways } = deps;
  const guard = requireStaff();

  app.get(
    '/console/deposits',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary: 'Deposits, newest arrival first: per processor payout, card and ACH apart',
        description:
          '`net = gross − fees`; `gross = charges + refunds + returns + adjustments` (the last three signed). ' +
          'Filter by `kind` and by arrival day (`from`, `to`, both included).',
        querystring: Type.Object({
          kind: Type.Optional(Kind),
          from: Type.Optional(CalendarDate),
          to: Type.Optional(CalendarDate),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({
            deposits: Type.Array(DepositSchema),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { kind, from, to, page, pageSize } = request.query;
      const result = await listDeposits(
        { db },
        { orgId: staffOf(request).orgId, kind, from, to, page, pageSize },
      );
      return { deposits: result.deposits.map(depositJson), total: result.total, page, pageSize };
    },
  );

  app.post(
    '/console/deposits/sync',
    {
      preHandler: requireStaff('owner', 'admin', 'ar_agent'),
      schema: {
        tags: ['console'],
        summary: 'Take the deposits the processor has paid since the last ones stored (also done hourly)',
        description:
          'Each payout is stored once: syncing again stores nothing twice. Every new deposit’s reports are ' +
          'e-mailed to the recipients.',
        response: {
          200: Type.Object({ created: Type.Integer(), skipped: Type.Integer() }),
          ...problems(401, 403, 502, 503),
        },
      },
    },
    async (request) => syncDeposits({ db, gateways }, { orgId: staffOf(request).orgId }),
  );

  app.get(
    '/console/deposits/:id',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary: 'One deposit: its lines (payments, refunds, returns, fees) and its journal entry',
        params: Type.Object({ id: Uuid }),
        response: { 200: DetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const detail = await getDeposit(
        { db },
        { orgId: staffOf(request).orgId, depositId: request.params.id },
      );
      if (!detail) throw new AppError('not_found');
      return {
        deposit: depositJson(detail.deposit),
        lines: detail.lines.map(lineJson),
        journalEntryId: detail.journal?.id ?? null,
        journal: detail.journal?.accounts ?? [],
      };
    },
  );

  const sendReport = async (reply: FastifyReply, table: ReportTable, ext: string) => {
    reply
      .header('content-disposition', `attachment; filename="${table.basename}.${ext}"`)
      .header('cache-control', 'no-store');
    if (ext === 'csv') return reply.type(CSV_TYPE).send(depositReportCsv(table));
    return reply.type(XLSX_TYPE).send(await depositReportXlsx(table));
  };

  const report = async (scope: ReportScope, file: string, locale: 'es' | 'en') => {
    const [name, ext] = file.split('.') as [string, string];
    if (name === 'payments-initiated') {
      const r = await paymentsInitiatedReport({ db }, scope);
      return r ? { table: initiatedTable(r, locale), ext } : null;
    }
    const r = await paymentsDepositedReport({ db }, scope);
    return r ? { table: depositedTable(r, locale), ext } : null;
  };

  app.get(
    '/console/deposits/:id/reports/:file',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary:
          'A deposit’s report as CSV or XLSX: payments initiated in the days it covers, or its payments',
        description:
          '`payments-initiated`: the online payments of its kind and currency started in the seller’s days the ' +
          'deposit covers (`coversFrom`..`coversTo`), by source, with subtotals. `payments-deposited`: its ' +
          'lines and net. Headers in the caller’s language.',
        params: Type.Object({ id: Uuid, file: ReportFile }),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: Binary, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const found = await report(
        { orgId: staffOf(request).orgId, depositId: request.params.id },
        request.params.file,
        locale,
      );
      if (!found) throw new AppError('not_found');
      return sendReport(reply, found.table, found.ext);
    },
  );

  app.get(
    '/console/deposit-reports',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary:
          'A report over days, card or ACH: payments initiated on those days, or the deposits that arrived',
        description:
          '`from`..`to` (both included) are the seller’s calendar days: when the payments were started, or ' +
          'when the deposits arrived, a year at most. The deposited report’s totals are the sum of those deposits.',
        querystring: Type.Object({
          file: ReportFile,
          kind: Kind,
          from: CalendarDate,
          to: CalendarDate,
        }),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: Binary, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { file, kind, from, to } = request.query;
      if (from > to)
        throw new AppError('validation_failed', {}, [
          { field: 'to', code: 'minimum', params: { limit: from } },
        ]);
      // A year at most: a report is one file in memory.
      if (Date.parse(to) - Date.parse(from) > MAX_REPORT_DAYS * 86_400_000)
        throw new AppError('validation_failed', {}, [
          { field: 'to', code: 'maximum', params: { limit: MAX_REPORT_DAYS } },
        ]);
      const locale = requestLocale(request);
      const found = await report({ orgId: staffOf(request).orgId, kind, from, to }, file, locale);
      return sendReport(reply, found!.table, found!.ext);
    },
  );

  app.get(
    '/console/deposit-recipients',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary: 'Who receives each deposit’s reports by e-mail',
        response: { 200: Recipients, ...problems(401, 403) },
      },
    },
    async (request) => getDepositReportRecipients({ db }, { orgId: staffOf(request).orgId }),
  );

  app.put(
    '/console/deposit-recipients',
    {
      preHandler: requireStaff('owner', 'admin'),
      schema: {
        tags: ['console'],
        summary: 'Set who receives each deposit’s reports (the whole list; empty: nobody)',
        description:
          'Addresses are trimmed and lower-cased, repeats dropped. One that is not an e-mail address refuses ' +
          'the list (422 `deposit_recipient_invalid`, the field `emails/<i>`).',
        body: Recipients,
        response: { 200: Recipients, ...problems(400, 401, 403, 422) },
      },
    },
    async (request) =>
      setDepositReportRecipients(
        { db },
        { orgId: staffOf(request).orgId, emails: request.body.emails, actor: actorOf(request) },
      ),
  );
};

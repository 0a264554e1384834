import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  type AgingBuckets,
  type AgingReconciliation,
  type AgingReport,
  agingReport,
} from '../../../domain/reports/aging-report.ts';
import { agingCsv } from '../../../formats/csv/aging-csv.ts';
import { agingXlsx } from '../../../formats/xlsx/aging-xlsx.ts';
import type { AppDeps } from '../../deps.ts';
import { requireStaff, staffOf } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import { MinorSumOut, problems, Uuid } from '../../schemas.ts';

const Amount = MinorSumOut;
const Buckets = Type.Object({
  current: Amount,
  d1_30: Amount,
  d31_60: Amount,
  d61_90: Amount,
  d90_plus: Amount,
});
/** total − unappliedCash − unappliedCredits = balance (the customers' balances). */
const Reconciliation = {
  total: Amount,
  unappliedCash: Amount,
  unappliedCredits: Amount,
  balance: Amount,
};
const AgingReportSchema = Type.Object({
  asOf: Type.String({ format: 'date' }),
  currencies: Type.Array(
    Type.Object({
      currency: Type.String(),
      buckets: Buckets,
      ...Reconciliation,
      customers: Type.Array(
        Type.Object({
          customerId: Uuid,
          name: Type.String(),
          accountNumber: Type.String(),
          buckets: Buckets,
          ...Reconciliation,
        }),
      ),
    }),
  ),
});
const Query = Type.Object({
  asOf: Type.Optional(
    Type.String({ format: 'date', description: 'YYYY-MM-DD; default today in the org’s time zone' }),
  ),
});

function bucketsJson(b: AgingBuckets) {
  return {
    current: b.current,
    d1_30: b.d1_30,
    d31_60: b.d31_60,
    d61_90: b.d61_90,
    d90_plus: b.d90_plus,
  };
}

function reconciliationJson(r: AgingReconciliation) {
  return {
    total: r.total,
    unappliedCash: r.unappliedCash,
    unappliedCredits: r.unappliedCredits,
    balance: r.balance,
  };
}

function reportJson(report: AgingReport) {
  return {
    asOf: report.asOf,
    currencies: report.currencies.map((c) => ({
      currency: c.currency,
      buckets: bucketsJson(c.buckets),
      ...reconciliationJson(c),
      customers: c.customers.map((k) => ({
        customerId: k.customerId,
        name: k.name,
        accountNumber: k.accountNumber,
        buckets: bucketsJson(k.buckets),
        ...reconciliationJson(k),
      })),
    })),
  };
}

/** Reports for the seller's staff (every staff role may read them). */
export const reportRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const guard = requireStaff();

  app.get(
    '/console/reports/aging',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary:
          'Aging report: open amounts by days past due (current, 1–30, 31–60, 61–90, 90+) per currency and customer, with unapplied cash and credits',
        description:
          'Days past due are counted in the org’s time zone from `asOf` (default today). For another day the report is rebuilt as it stood at the end of that day: invoices issued later and applications made later do not count. `total − unappliedCash − unappliedCredits = balance`, the sum of the customers’ balances.',
        querystring: Query,
        response: { 200: AgingReportSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const report = await agingReport(
        { db: deps.db },
        {
          orgId: staffOf(request).orgId,
          asOf: request.query.asOf ?? null,
        },
      );
      return reportJson(report);
    },
  );

  app.get(
    '/console/reports/aging.csv',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary: 'Aging report as CSV (UTF-8 with BOM, RFC 4180), headers in the caller’s language',
        querystring: Query,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const report = await agingReport(
        { db: deps.db },
        {
          orgId: staffOf(request).orgId,
          asOf: request.query.asOf ?? null,
        },
      );
      const locale = requestLocale(request);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(locale, report.asOf, 'csv'))
        .header('cache-control', 'no-store')
        .send(agingCsv(report, locale));
    },
  );

  app.get(
    '/console/reports/aging.xlsx',
    {
      preHandler: guard,
      schema: {
        tags: ['console'],
        summary: 'Aging report as an Excel workbook (one sheet per currency)',
        querystring: Query,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const report = await agingReport(
        { db: deps.db },
        {
          orgId: staffOf(request).orgId,
          asOf: request.query.asOf ?? null,
        },
      );
      const locale = requestLocale(request);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(locale, report.asOf, 'xlsx'))
        .header('cache-control', 'no-store')
        .send(await agingXlsx(report, locale));
    },
  );
};

function attachment(locale: 'es' | 'en', asOf: string, ext: string): string {
  const base = locale === 'es' ? 'antiguedad-saldos' : 'aging-report';
  return `attachment; filename="${base}-${asOf}.${ext}"`;
}

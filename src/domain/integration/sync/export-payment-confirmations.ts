import type { Database } from '../../../db/client.ts';
import { addJob } from '../../../db/jobs.ts';
import type { ErpExportChannel, ErpExportFormat } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { Actor } from '../../audit/record-audit.ts';
import { loadPaymentSettings } from '../../payments/payment-settings.repository.ts';
import { newId } from '../../shared/ids.ts';
import type {
  ClaimedItem,
  ConfirmationChangeLine,
  ConfirmationDocument,
  ConfirmationPayment,
  RenderConfirmations,
} from './confirmation-document.ts';
import {
  type ApplicationDetail,
  claimChanges,
  deleteEmptyExport,
  type ExportSummary,
  findApplicationDetails,
  findCreditMemoDetails,
  findExport,
  findPaymentDetails,
  findRefundDetails,
  insertExport,
  lockSellerExports,
  type PaymentDetail,
  storeExportFile,
} from './erp-confirmations.repository.ts';
import { erpAccountFor, loadErpSyncSettings } from './erp-sync-settings.repository.ts';

export const ERP_EXPORT_MAIL_TASK = 'erp-sync.mail-export';
export const erpExportMailJobKey = (exportId: string) => `erp-export-mail:${exportId}`;

/** Exports people asked for or the schedule made are mailed in manual mode; the ERP's own pulls are not. */
const mailedChannels: readonly ErpExportChannel[] = ['schedule', 'console'];

export interface ExportResult {
  export: ExportSummary & { file: { fileName: string; contentType: string; content: Buffer } };
  document: ConfirmationDocument;
}

/**
 * Exports the payment confirmations nothing has exported yet, as one file kept for downloading
 * again (erp_confirmation_exports): the payments that took effect with their applications, and
 * every later change of exported money as its own line. Returns null, writing nothing, when there
 * is nothing new.
 *
 * Why claim rows rather than a cursor: a "created after the last export" or "sequence above the
 * last" cursor skips a row whose transaction committed after a later one was exported (ids and
 * timestamps are taken at the start, commits land in any order). Each change instead has its own
 * row in erp_confirmation_items, unique per (seller, subject, id, change), inserted by the export
 * that claims it (`claimChanges`); whatever no row names yet is new, however late it committed.
 * An outbox written by each payment step would do the same but needs a line in every use case
 * that moves money, and forgets whatever a future one does not write; the claim reads the
 * documents themselves. Exports of one seller run one at a time, in number order.
 *
 * In manual mode an export made by the schedule or from the console is also mailed to the
 * seller's recipients (a job queued in this transaction, key per export).
 */
export function exportPaymentConfirmations(
  deps: { db: Database; render: RenderConfirmations },
  input: { orgId: string; format: ErpExportFormat; channel: ErpExportChannel; actor: Actor },
): Promise<ExportResult | null> {
  return inTransaction(deps.db, async (trx) => {
    await lockSellerExports(trx, input.orgId);
    const [settings, payments, org] = await Promise.all([
      loadErpSyncSettings(trx, input.orgId),
      loadPaymentSettings(trx, input.orgId),
      trx
        .selectFrom('organizations')
        .select(['locale', 'time_zone'])
        .where('id', '=', input.orgId)
        .executeTakeFirstOrThrow(),
    ]);
    const exportId = newId();
    const created = await insertExport(trx, {
      orgId: input.orgId,
      id: exportId,
      format: input.format,
      channel: input.channel,
      marking: settings.marking,
      createdBy: input.actor.userId ?? null,
      apiKeyId: input.actor.apiKeyId ?? null,
    });
    const items = await claimChanges(trx, { orgId: input.orgId, exportId });
    if (items.length === 0) {
      await deleteEmptyExport(trx, { orgId: input.orgId, exportId });
      return null;
    }
    const accounts = { ...payments.erpAccounts, ...settings.erpAccounts };
    const built = await buildDocument(trx, input.orgId, items, (method) => erpAccountFor(method, accounts));
    const document: ConfirmationDocument = {
      exportId,
      sequence: created.seq,
      createdAt: created.createdAt,
      channel: input.channel,
      marking: settings.marking,
      locale: org.locale,
      timeZone: org.time_zone,
      ...built,
      itemCount: items.length,
    };
    const file = deps.render(document, input.format, settings.csv);
    await storeExportFile(trx, { orgId: input.orgId, exportId, itemCount: items.length, file });
    if (
      settings.marking === 'manual' &&
      mailedChannels.includes(input.channel) &&
      settings.recipients.length > 0
    )
      await addJob(
        trx,
        ERP_EXPORT_MAIL_TASK,
        { orgId: input.orgId, exportId },
        { jobKey: erpExportMailJobKey(exportId) },
      );
    const stored = await findExport(trx, { orgId: input.orgId, exportId });
    return { export: stored!, document };
  });
}

const changeOrder: Record<ConfirmationChangeLine['type'], number> = {
  application: 0,
  credit_application: 1,
  unapplication: 2,
  credit_unapplication: 3,
  refund: 4,
  refund_failed: 5,
  return: 6,
  reversal: 7,
};

/** The claimed changes as the document's lines, with what each names read once per kind. */
async function buildDocument(
  db: Database,
  orgId: string,
  items: ClaimedItem[],
  accountOf: (method: PaymentDetail['method']) => string | null,
): Promise<Pick<ConfirmationDocument, 'payments' | 'changes'>> {
  const ids = (subject: ClaimedItem['subject'], change?: ClaimedItem['change']) => [
    ...new Set(
      items
        .filter((i) => i.subject === subject && (change === undefined || i.change === change))
        .map((i) => i.subjectId),
    ),
  ];
  const [paymentApps, creditApps, refunds] = await Promise.all([
    findApplicationDetails(db, orgId, 'payment', ids('payment_application')),
    findApplicationDetails(db, orgId, 'credit', ids('credit_application')),
    findRefundDetails(db, orgId, ids('refund')),
  ]);
  const paymentIds = new Set([
    ...ids('payment'),
    ...paymentApps.map((a) => a.sourceId),
    ...refunds.map((r) => r.paymentId),
  ]);
  const [paymentRows, memoRows] = await Promise.all([
    findPaymentDetails(db, orgId, [...paymentIds]),
    findCreditMemoDetails(db, orgId, [...new Set(creditApps.map((a) => a.sourceId))]),
  ]);
  const paymentsById = new Map(paymentRows.map((p) => [p.id, p]));
  const memosById = new Map(memoRows.map((m) => [m.id, m]));
  const paymentAppsById = new Map(paymentApps.map((a) => [a.id, a]));
  const creditAppsById = new Map(creditApps.map((a) => [a.id, a]));
  const refundsById = new Map(refunds.map((r) => [r.id, r]));

  const received = new Map<string, ConfirmationPayment>();
  for (const item of items) {
    if (item.subject !== 'payment' || item.change !== 'received') continue;
    const p = paymentsById.get(item.subjectId)!;
    received.set(p.id, {
      paymentId: p.id,
      number: p.number,
      customer: p.customer,
      currency: p.currency,
      amount: p.amount,
      fee: p.fee,
      unapplied: p.amount,
      method: p.method,
      source: p.source,
      erpAccount: accountOf(p.method),
      reference: p.reference,
      receivedOn: p.receivedOn,
      effectiveAt: item.occurredAt,
      applications: [],
    });
  }

  const paymentRef = (p: PaymentDetail) => ({
    id: p.id,
    number: p.number,
    method: p.method,
    erpAccount: accountOf(p.method),
  });
  const changes: ConfirmationChangeLine[] = [];
  const paymentLine = (
    type: ConfirmationChangeLine['type'],
    item: ClaimedItem,
    p: PaymentDetail,
    amount: bigint,
    extra: Partial<ConfirmationChangeLine> = {},
  ) =>
    changes.push({
      type,
      id: item.subjectId,
      occurredAt: item.occurredAt,
      customer: p.customer,
      currency: p.currency,
      amount,
      payment: paymentRef(p),
      creditMemo: null,
      invoice: null,
      reason: null,
      ...extra,
    });
  const invoiceOf = (a: ApplicationDetail) => a.invoice;

  for (const item of items) {
    if (item.subject === 'payment_application') {
      const a = paymentAppsById.get(item.subjectId)!;
      const p = paymentsById.get(a.sourceId)!;
      const line = received.get(p.id);
      // Applied with the payment this export sends: part of its line, not a line of its own.
      if (item.change === 'applied' && line) {
        line.applications.push({
          applicationId: a.id,
          invoice: invoiceOf(a),
          amount: a.amount,
          appliedAt: a.createdAt,
        });
        line.unapplied -= a.amount;
        continue;
      }
      paymentLine(item.change === 'applied' ? 'application' : 'unapplication', item, p, a.amount, {
        invoice: invoiceOf(a),
      });
    } else if (item.subject === 'credit_application') {
      const a = creditAppsById.get(item.subjectId)!;
      const m = memosById.get(a.sourceId)!;
      changes.push({
        type: item.change === 'applied' ? 'credit_application' : 'credit_unapplication',
        id: item.subjectId,
        occurredAt: item.occurredAt,
        customer: m.customer,
        currency: m.currency,
        amount: a.amount,
        payment: null,
        creditMemo: { id: m.id, number: m.number, erpId: m.erpId },
        invoice: invoiceOf(a),
        reason: null,
      });
    } else if (item.subject === 'refund') {
      const r = refundsById.get(item.subjectId)!;
      const p = paymentsById.get(r.paymentId)!;
      paymentLine(item.change === 'refunded' ? 'refund' : 'refund_failed', item, p, r.amount);
    } else if (item.change === 'returned') {
      const p = paymentsById.get(item.subjectId)!;
      paymentLine('return', item, p, p.amount - p.refunded, { reason: p.returnCode });
    } else if (item.change === 'reversed') {
      const p = paymentsById.get(item.subjectId)!;
      paymentLine('reversal', item, p, p.amount, { reason: p.reverseReason });
    }
  }
  const time = (d: Date) => d.getTime();
  const payments = [...received.values()].sort(
    (a, b) => time(a.effectiveAt) - time(b.effectiveAt) || a.number.localeCompare(b.number),
  );
  for (const p of payments)
    p.applications.sort(
      (a, b) => time(a.appliedAt) - time(b.appliedAt) || a.invoice.number.localeCompare(b.invoice.number),
    );
  changes.sort(
    (a, b) => time(a.occurredAt) - time(b.occurredAt) || changeOrder[a.type] - changeOrder[b.type],
  );
  return { payments, changes };
}

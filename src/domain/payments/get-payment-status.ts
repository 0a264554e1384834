import type { Database } from '../../db/client.ts';
import type { MethodKind, PaymentLifecycleStatus, PaymentSource } from '../../db/schema.ts';
import { isUuid } from '../shared/ids.ts';
import { inFlightStatuses } from './payment-lifecycle.ts';
import {
  findIntendedAllocations,
  findTimeline,
  loadPayment,
  type TimelineStep,
} from './payments.repository.ts';

/** A payment as its payer follows it: where it stands, what it pays, what happened to it. */
export interface PaymentStatusView {
  id: string;
  number: string;
  status: PaymentLifecycleStatus;
  method: string;
  source: PaymentSource;
  amount: bigint;
  fee: bigint;
  total: bigint;
  refundedAmount: bigint;
  currency: string;
  receivedOn: string;
  createdAt: Date;
  paymentMethod: { kind: MethodKind; brand: string | null; last4: string; bankName: string | null } | null;
  failureCode: string | null;
  returnCode: string | null;
  expectedSettlement: string | null;
  /** What it pays: applied once the money arrived, intended until then. */
  allocations: { invoiceId: string; number: string; amount: bigint; applied: boolean }[];
  timeline: TimelineStep[];
}

/**
 * One payment of the seller (with `customerId`, of that account only) as a status page shows it,
 * for manual and online payments alike. Undefined when there is no such payment there.
 */
export async function getPaymentStatus(
  deps: { db: Database },
  input: { orgId: string; paymentId: string; customerId?: string | undefined },
): Promise<PaymentStatusView | undefined> {
  if (!isUuid(input.paymentId)) return undefined;
  const payment = await loadPayment(deps.db, input);
  if (!payment) return undefined;
  const row = await deps.db
    .selectFrom('payments as p')
    .leftJoin('payment_methods as m', (join) =>
      join.onRef('m.org_id', '=', 'p.org_id').onRef('m.id', '=', 'p.payment_method_id'),
    )
    .select([
      'p.source',
      'p.fee_amount',
      'p.refunded_amount',
      'p.failure_code',
      'p.return_code',
      'p.expected_settlement',
      'p.status',
      'm.kind',
      'm.brand',
      'm.last4',
      'm.bank_name',
      'p.method as method_kind',
      'p.method_brand',
      'p.method_last4',
      'p.method_bank_name',
    ])
    .where('p.org_id', '=', input.orgId)
    .where('p.id', '=', payment.id)
    .executeTakeFirstOrThrow();
  // What it pays: what is applied; while the money is on its way, or when it never arrived, what
  // the payer meant; once it went back (returned, refunded, reversed), what it had paid, undone.
  const live = payment.applications.filter((a) => a.unappliedAt === null);
  const allocations =
    live.length > 0
      ? live.map((a) => ({
          invoiceId: a.invoiceId,
          number: a.invoiceNumber,
          amount: a.amount,
          applied: true,
        }))
      : inFlightStatuses.includes(row.status) || row.status === 'failed'
        ? (await findIntendedAllocations(deps.db, { orgId: input.orgId, paymentId: payment.id })).map(
            (a) => ({
              ...a,
              applied: false,
            }),
          )
        : payment.applications.map((a) => ({
            invoiceId: a.invoiceId,
            number: a.invoiceNumber,
            amount: a.amount,
            applied: false,
          }));
  return {
    id: payment.id,
    number: payment.number,
    status: row.status,
    method: payment.method,
    source: row.source,
    amount: payment.amount,
    fee: row.fee_amount,
    total: payment.amount + row.fee_amount,
    refundedAmount: row.refunded_amount,
    currency: payment.currency,
    receivedOn: payment.receivedOn,
    createdAt: payment.createdAt,
    // The saved method, else what the payment itself keeps of a one-time method.
    paymentMethod:
      row.kind && row.last4
        ? { kind: row.kind, brand: row.brand, last4: row.last4, bankName: row.bank_name }
        : row.method_last4 && (row.method_kind === 'card' || row.method_kind === 'ach')
          ? {
              kind: row.method_kind,
              brand: row.method_brand,
              last4: row.method_last4,
              bankName: row.method_bank_name,
            }
          : null,
    failureCode: row.failure_code,
    returnCode: row.return_code,
    expectedSettlement: row.expected_settlement,
    allocations,
    timeline: await findTimeline(deps.db, { orgId: input.orgId, paymentId: payment.id }),
  };
}

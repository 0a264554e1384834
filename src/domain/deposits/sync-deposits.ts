import type { Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { previousBusinessDay } from '../calendar/business-days.ts';
import { formatDay, parseDay } from '../calendar/calendar-day.ts';
import { AppError } from '../errors.ts';
import { type JournalLine, postEntry } from '../ledger/post-entry.ts';
import {
  GatewayRequestError,
  type Gateways,
  GatewayUnavailableError,
  type PaymentGateway,
  type Payout,
  type ProcessorName,
} from '../payments/payment-gateway.ts';
import { newId } from '../shared/ids.ts';
import {
  type DepositLineRow,
  firstOnlinePaymentDay,
  insertDeposit,
  insertDepositLines,
  lastArrivalDate,
  type PaymentMatch,
  paymentsByProcessorId,
  setDepositEntry,
  storedPayoutIds,
  undepositedRefunds,
} from './deposits.repository.ts';
import {
  DEPOSIT_REPORT_TASK,
  type DepositReportPayload,
  depositReportJobKey,
} from './send-deposit-report.ts';

/**
 * Payouts a processor reports again for this many days before the last one stored: one still in
 * transit then (Stripe's arrive days later) is taken when it lands. Re-reading is harmless: a
 * payout is stored once.
 */
const RESYNC_DAYS = 10;

export interface SyncDepositsResult {
  created: number;
  /** Payouts the processor listed that were stored already (or have not arrived). */
  skipped: number;
}

const addDays = (day: string, n: number) => formatDay(parseDay(day) + n);

/**
 * Takes a seller's deposits from its processor: each payout that has reached the bank (`paid`)
 * becomes one deposit, once (unique on seller, processor and payout id; a re-sync or a racing
 * sweep stores nothing twice). Its lines are matched to Saldo's payments by the processor's id,
 * and refund lines to the refund they carried. One journal entry per deposit takes what it carried
 * out of the processor's clearing account — bank Dr net, processor_fees Dr fees, processor_clearing
 * Cr gross —, with a line per payment, so the clearing account of each payment whose money has
 * all been deposited is back to zero. A line Saldo cannot match (an account fee, an adjustment, a
 * charge it never made) stays on the deposit unposted and the deposit is `unmatched`: its net
 * and the journal then differ by those lines, for staff to post in the ERP.
 *
 * Each new deposit queues its report e-mail (job key per deposit) in the transaction that stores
 * it. The processor is called outside any transaction; each deposit commits on its own.
 */
export async function syncDeposits(
  deps: { db: Database; gateways: Gateways },
  input: { orgId: string },
): Promise<SyncDepositsResult> {
  const { db } = deps;
  const gateway = await deps.gateways.forSeller(input.orgId);
  const processor = gateway.processor;
  const org = await db
    .selectFrom('organizations')
    .select(['country'])
    .where('id', '=', input.orgId)
    .executeTakeFirst();
  if (!org) return { created: 0, skipped: 0 };
  const last = await lastArrivalDate(db, { orgId: input.orgId, processor });
  const since = last
    ? addDays(last, -RESYNC_DAYS)
    : await firstOnlinePaymentDay(db, { orgId: input.orgId, processor });
  if (!since) return { created: 0, skipped: 0 };
  const payouts = (await listPaid(gateway, since)).filter((p) => p.status === 'paid');
  const stored = await storedPayoutIds(db, {
    orgId: input.orgId,
    processor,
    payoutIds: payouts.map((p) => p.id),
  });
  const result: SyncDepositsResult = { created: 0, skipped: 0 };
  for (const payout of payouts) {
    if (stored.has(payout.id)) {
      result.skipped += 1;
      continue;
    }
    const created = await inTransaction(db, (trx) =>
      storeDeposit(trx, { orgId: input.orgId, processor, country: org.country, payout }),
    );
    if (created) result.created += 1;
    else result.skipped += 1;
  }
  return result;
}

/** The processor's payouts; its failures in Saldo's terms (retry later, or it refused). */
async function listPaid(gateway: PaymentGateway, since: string): Promise<Payout[]> {
  try {
    return await gateway.listPayouts({ since });
  } catch (error) {
    if (error instanceof GatewayUnavailableError) throw new AppError('processor_unavailable');
    if (error instanceof GatewayRequestError)
      throw new AppError('processor_refused', { detail: error.processorCode });
    throw error;
  }
}

/** The seller's days a deposit's "payments initiated" report covers: see the migration. */
export function coveredDays(country: string, arrivalDate: string): { from: string; to: string } {
  const to = previousBusinessDay(country, arrivalDate);
  return { from: addDays(previousBusinessDay(country, to), 1), to };
}

function sumOf(lines: Payout['lines'], types: readonly string[]): bigint {
  return lines.filter((l) => types.includes(l.type)).reduce((sum, l) => sum + l.amount, 0n);
}

async function storeDeposit(
  trx: Transaction<DB>,
  input: { orgId: string; processor: ProcessorName; country: string; payout: Payout },
): Promise<boolean> {
  const { orgId, processor, payout } = input;
  const covers = coveredDays(input.country, payout.arrivalDate);
  const charges = sumOf(payout.lines, ['charge']);
  const refunds = sumOf(payout.lines, ['refund']);
  const returns = sumOf(payout.lines, ['return']);
  const gross = payout.lines.reduce((sum, l) => sum + l.amount, 0n);
  const fees = payout.lines.reduce((sum, l) => sum + l.fee, 0n);
  const payments = await paymentsByProcessorId(trx, {
    orgId,
    processor,
    processorPaymentIds: [
      ...new Set(payout.lines.flatMap((l) => (l.processorPaymentId ? [l.processorPaymentId] : []))),
    ],
  });
  const matchOf = (processorPaymentId: string | null): PaymentMatch | null => {
    const match = processorPaymentId ? payments.get(processorPaymentId) : undefined;
    // Money in another currency cannot leave this deposit's clearing balance.
    return match && match.currency === payout.currency ? match : null;
  };
  const refunds_ = await undepositedRefunds(trx, {
    orgId,
    paymentIds: [...new Set([...payments.values()].map((p) => p.id))],
  });
  const depositId = newId();
  const lines: DepositLineRow[] = payout.lines.map((line, i) => {
    const match = matchOf(line.processorPaymentId);
    let refundId: string | null = null;
    if (match && line.type === 'refund') {
      const at = refunds_.findIndex((r) => r.paymentId === match.id && r.amount === -line.amount);
      if (at >= 0) refundId = refunds_.splice(at, 1)[0]!.id;
    }
    return {
      org_id: orgId,
      deposit_id: depositId,
      line_no: i + 1,
      type: line.type,
      processor_payment_id: line.processorPaymentId,
      amount: line.amount,
      fee: line.fee,
      payment_id: match?.id ?? null,
      refund_id: refundId,
    };
  });
  const unmatched = lines.some((l) => l.payment_id === null) || gross - fees !== payout.amount;
  const inserted = await insertDeposit(trx, {
    org_id: orgId,
    id: depositId,
    processor,
    payout_id: payout.id,
    method_kind: payout.methodKind,
    currency: payout.currency,
    arrival_date: payout.arrivalDate,
    covers_from: covers.from,
    covers_to: covers.to,
    charges,
    refunds,
    returns,
    adjustments: gross - charges - refunds - returns,
    gross,
    fees,
    net: gross - fees,
    status: unmatched ? 'unmatched' : 'reconciled',
    processor_status: payout.status,
  });
  if (!inserted) return false;
  await insertDepositLines(trx, lines);

  // Per payment: bank Dr what reached the bank, processor_fees Dr the fee, clearing Cr the gross.
  const perPayment = new Map<string, { customerId: string; gross: bigint; fee: bigint }>();
  const customerOf = new Map([...payments.values()].map((p) => [p.id, p.customerId]));
  for (const line of lines) {
    if (!line.payment_id) continue;
    const sum = perPayment.get(line.payment_id) ?? {
      customerId: customerOf.get(line.payment_id)!,
      gross: 0n,
      fee: 0n,
    };
    sum.gross += line.amount;
    sum.fee += line.fee;
    perPayment.set(line.payment_id, sum);
  }
  const journal: JournalLine[] = [...perPayment].flatMap(([paymentId, s]) => [
    { account: 'bank', customerId: s.customerId, paymentId, amount: s.gross - s.fee },
    { account: 'processor_fees', customerId: s.customerId, paymentId, amount: s.fee },
    { account: 'processor_clearing', customerId: s.customerId, paymentId, amount: -s.gross },
  ]);
  if (journal.filter((l) => l.amount !== 0n).length >= 2) {
    const entryId = await postEntry(trx, {
      orgId,
      currency: payout.currency,
      kind: 'deposit.reconciled',
      memo: `${processor} ${payout.id}`,
      createdBy: null,
      lines: journal,
    });
    await setDepositEntry(trx, { orgId, depositId, journalEntryId: entryId });
  }
  await recordAudit(trx, {
    orgId,
    actor: systemActor,
    action: 'deposit.synced',
    entityType: 'deposit',
    entityId: depositId,
    before: null,
    after: {
      payoutId: payout.id,
      kind: payout.methodKind,
      net: (gross - fees).toString(),
      status: unmatched ? 'unmatched' : 'reconciled',
    },
  });
  const payload: DepositReportPayload = { orgId, depositId };
  await addJob(trx, DEPOSIT_REPORT_TASK, payload, { jobKey: depositReportJobKey(depositId) });
  return true;
}

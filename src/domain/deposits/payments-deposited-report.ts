import type { Database } from '../../db/client.ts';
import type { MethodKind } from '../../db/schema.ts';
import {
  type Deposit,
  type DepositLineView,
  findDeposit,
  findDepositLines,
  findDeposits,
} from './deposits.repository.ts';
import type { ReportScope } from './payments-initiated-report.ts';

export interface DepositTotals {
  count: number;
  charges: bigint;
  refunds: bigint;
  returns: bigint;
  adjustments: bigint;
  gross: bigint;
  fees: bigint;
  net: bigint;
}

export interface PaymentsDepositedReport {
  kind: MethodKind;
  /** Arrival days covered, both included. */
  from: string;
  to: string;
  /** Oldest first, each with its lines (payments, refunds, returns, fees) in the processor's order. */
  deposits: { deposit: Deposit; lines: DepositLineView[] }[];
  /** Per currency: the deposits' sums; `net` is what reached the bank. */
  totals: ({ currency: string } & DepositTotals)[];
}

/**
 * "Payments" (what was deposited): per deposit its payments, fees, refunds and returns and its
 * net, card and ACH apart. For one deposit, or every deposit of a kind that arrived `from`..`to`.
 * The totals are the deposits' own stored sums, and each deposit's are its lines' sums, so the
 * report adds up to the deposits. null: no such deposit of the seller.
 */
export async function paymentsDepositedReport(
  deps: { db: Database },
  scope: ReportScope,
): Promise<PaymentsDepositedReport | null> {
  let deposits: Deposit[];
  let kind: MethodKind;
  let from: string;
  let to: string;
  if ('depositId' in scope) {
    const deposit = await findDeposit(deps.db, scope);
    if (!deposit) return null;
    deposits = [deposit];
    kind = deposit.kind;
    from = deposit.arrivalDate;
    to = deposit.arrivalDate;
  } else {
    deposits = await findDeposits(deps.db, { ...scope, oldestFirst: true });
    ({ kind, from, to } = scope);
  }
  const lines = await findDepositLines(deps.db, {
    orgId: scope.orgId,
    depositIds: deposits.map((d) => d.id),
  });
  const totals = new Map<string, DepositTotals>();
  for (const d of deposits) {
    const t = totals.get(d.currency) ?? {
      count: 0,
      charges: 0n,
      refunds: 0n,
      returns: 0n,
      adjustments: 0n,
      gross: 0n,
      fees: 0n,
      net: 0n,
    };
    t.count += 1;
    t.charges += d.charges;
    t.refunds += d.refunds;
    t.returns += d.returns;
    t.adjustments += d.adjustments;
    t.gross += d.gross;
    t.fees += d.fees;
    t.net += d.net;
    totals.set(d.currency, t);
  }
  return {
    kind,
    from,
    to,
    deposits: deposits.map((deposit) => ({
      deposit,
      lines: lines.filter((l) => l.depositId === deposit.id).map(({ depositId: _d, ...line }) => line),
    })),
    totals: [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, t]) => ({ currency, ...t })),
  };
}

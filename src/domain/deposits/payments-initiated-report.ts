import type { Database } from '../../db/client.ts';
import type { MethodKind } from '../../db/schema.ts';
import { findDeposit, findInitiatedPayments, type InitiatedPaymentRow } from './deposits.repository.ts';

export const reportSources = ['portal', 'autopay', 'staff', 'pay_link', 'credit_check'] as const;

export interface InitiatedTotals {
  count: number;
  /** What the payers paid to invoices; the card convenience fees apart. */
  amount: bigint;
  fee: bigint;
}

export interface PaymentsInitiatedReport {
  kind: MethodKind;
  /** The seller's calendar days covered, both included. */
  from: string;
  to: string;
  /** Per currency (alphabetical): its payments by source, then when started; totals per source. */
  currencies: {
    currency: string;
    rows: InitiatedPaymentRow[];
    bySource: ({ source: string } & InitiatedTotals)[];
    total: InitiatedTotals;
  }[];
}

export type ReportScope =
  | { orgId: string; depositId: string }
  | { orgId: string; kind: MethodKind; from: string; to: string };

const zero = (): InitiatedTotals => ({ count: 0, amount: 0n, fee: 0n });

/**
 * "Payments initiated": which customers paid online, by card or by ACH apart, and how (portal,
 * autopay, staff on the customer's behalf, pay link), whatever became of each payment since
 * (its status says). For a deposit, the days it covers (the business day before it arrived and
 * the bankless days before that one); otherwise the seller's days `from`..`to`. null: no such
 * deposit of the seller.
 */
export async function paymentsInitiatedReport(
  deps: { db: Database },
  scope: ReportScope,
): Promise<PaymentsInitiatedReport | null> {
  let query: Parameters<typeof findInitiatedPayments>[1];
  if ('depositId' in scope) {
    const deposit = await findDeposit(deps.db, scope);
    if (!deposit) return null;
    query = {
      orgId: scope.orgId,
      kind: deposit.kind,
      currency: deposit.currency,
      processor: deposit.processor,
      from: deposit.coversFrom,
      to: deposit.coversTo,
    };
  } else query = scope;
  const rows = await findInitiatedPayments(deps.db, query);
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return {
    kind: query.kind,
    from: query.from,
    to: query.to,
    currencies: currencies.map((currency) => {
      const mine = rows.filter((r) => r.currency === currency);
      const total = zero();
      const bySource = new Map<string, InitiatedTotals>();
      for (const row of mine) {
        const sum = bySource.get(row.source) ?? zero();
        for (const t of [sum, total]) {
          t.count += 1;
          t.amount += row.amount;
          t.fee += row.fee;
        }
        bySource.set(row.source, sum);
      }
      return {
        currency,
        rows: mine,
        bySource: [...bySource].map(([source, t]) => ({ source, ...t })),
        total,
      };
    }),
  };
}

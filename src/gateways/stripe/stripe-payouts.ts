import type Stripe from 'stripe';
import type { MethodKind, Payout, PayoutLine } from '../../domain/payments/payment-gateway.ts';
import { fromStripeAmount } from './stripe-amounts.ts';

/**
 * A Stripe payout's balance transactions as Saldo's payout lines. Every line keeps
 * `amount − fee = the transaction's net`, so a payout's lines add up to what reached the bank:
 * `payout.amount = Σ amount − Σ fee`.
 *
 * | balance transaction type                          | line       | amount       | fee        |
 * |---------------------------------------------------|------------|--------------|------------|
 * | charge, payment                                   | charge     | gross (+)    | Stripe fee |
 * | refund, payment_refund                            | refund     | gross (−)    | fee        |
 * | payment_failure_refund (ACH returned after credit)| return     | gross (−)    | fee        |
 * | adjustment with a dispute (reporting_category     | dispute    | gross (±)    | dispute fee|
 * |   dispute / dispute_reversal)                     |            |              |            |
 * | stripe_fee, stripe_fx_fee, tax_fee                | fee        | 0            | −net       |
 * |   … a fee credit (net > 0)                        | adjustment | net          | 0          |
 * | payout (the payout itself)                        | fee, only when the payout has a fee (instant payouts): amount 0, fee |
 * | anything else                                     | adjustment | gross        | fee        |
 *
 * `methodKind` comes from each line's source charge (`payment_method_details.type`: card or
 * us_bank_account). Stripe pays card and ACH funds out together; Saldo keeps ACH and card deposits
 * apart, so a payout that carries both is reported as two: `<po id>:card` and `<po id>:ach`, each
 * with its own lines and an amount that is their net; lines of no kind (fees, adjustments) go with
 * the card part. The two amounts add up to the one deposit the bank shows.
 */
export function payoutLineType(txn: Stripe.BalanceTransaction): PayoutLine['type'] | 'payout' {
  switch (txn.type) {
    case 'charge':
    case 'payment':
      return 'charge';
    case 'refund':
    case 'payment_refund':
      return 'refund';
    case 'payment_failure_refund':
      return 'return';
    case 'stripe_fee':
    case 'stripe_fx_fee':
    case 'tax_fee':
      return 'fee';
    case 'payout':
      return 'payout';
    default:
      return txn.reporting_category === 'dispute' || txn.reporting_category === 'dispute_reversal'
        ? 'dispute'
        : 'adjustment';
  }
}

export interface KindedLine extends PayoutLine {
  kind: MethodKind | null;
}

/** One line from a balance transaction, or null for the payout's own transaction without a fee. */
export function toPayoutLine(
  txn: Stripe.BalanceTransaction,
  paymentId: string | null,
  kind: MethodKind | null,
): KindedLine | null {
  const type = payoutLineType(txn);
  const fee = fromStripeAmount(txn.fee);
  if (type === 'payout')
    return fee > 0n ? { type: 'fee', processorPaymentId: null, amount: 0n, fee, kind: null } : null;
  if (type === 'fee') {
    const txnNet = fromStripeAmount(txn.net);
    // A fee credit (positive) is money in, not a fee: an adjustment, so fees stay positive.
    if (txnNet > 0n)
      return { type: 'adjustment', processorPaymentId: null, amount: txnNet, fee: 0n, kind: null };
    return { type, processorPaymentId: null, amount: 0n, fee: -txnNet, kind: null };
  }
  return { type, processorPaymentId: paymentId, amount: fromStripeAmount(txn.amount), fee, kind };
}

function net(lines: PayoutLine[]): bigint {
  return lines.reduce((sum, line) => sum + line.amount - line.fee, 0n);
}

const statuses: Record<string, Payout['status']> = {
  paid: 'paid',
  pending: 'pending',
  in_transit: 'in_transit',
  failed: 'failed',
  canceled: 'failed',
};

/** The payout (or its card and ACH parts) in Saldo's terms. */
export function toPayouts(payout: Stripe.Payout, lines: KindedLine[]): Payout[] {
  const common = {
    currency: payout.currency.toUpperCase(),
    arrivalDate: new Date(payout.arrival_date * 1000).toISOString().slice(0, 10),
    status: statuses[payout.status] ?? 'pending',
  };
  const strip = (all: KindedLine[]): PayoutLine[] => all.map(({ kind: _kind, ...line }) => line);
  const hasAch = lines.some((l) => l.kind === 'ach');
  const hasCard = lines.some((l) => l.kind === 'card');
  if (!(hasAch && hasCard)) {
    return [
      {
        id: payout.id,
        amount: fromStripeAmount(payout.amount),
        methodKind: hasAch ? 'ach' : 'card',
        lines: strip(lines),
        ...common,
      },
    ];
  }
  const ach = strip(lines.filter((l) => l.kind === 'ach'));
  const card = strip(lines.filter((l) => l.kind !== 'ach'));
  return [
    { id: `${payout.id}:card`, amount: net(card), methodKind: 'card', lines: card, ...common },
    { id: `${payout.id}:ach`, amount: net(ach), methodKind: 'ach', lines: ach, ...common },
  ];
}

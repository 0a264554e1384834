import { currencyExponent } from '../../domain/money/currency.ts';
import { divRoundHalfUp } from '../../domain/money/money.ts';
import type { MethodKind } from '../../domain/payments/payment-gateway.ts';

/**
 * The sandbox's fees, after Stripe's standard US pricing:
 * - card: 2.9 % of the amount + 0.30 of the currency's major unit;
 * - ACH debit: 0.8 % of the amount, capped at 5.00 (USD only).
 * Integer arithmetic in minor units: the percentage is rounded half-up to the minor unit once,
 * then the fixed part added (0.30 is 30 in a two-decimal currency, 300 in BHD, 0 in JPY, where
 * 0.30 rounds half-up to nothing). Refunds do not give the fee back (as at Stripe).
 */
export function sandboxFee(kind: MethodKind, amount: bigint, currency: string): bigint {
  const exponent = currencyExponent(currency);
  if (kind === 'ach') {
    const cap = 500n * 10n ** BigInt(Math.max(exponent - 2, 0));
    const fee = divRoundHalfUp(amount * 8n, 1000n);
    return fee < cap ? fee : cap;
  }
  const fixed =
    exponent >= 2 ? 30n * 10n ** BigInt(exponent - 2) : divRoundHalfUp(30n, 10n ** BigInt(2 - exponent));
  return divRoundHalfUp(amount * 29n, 1000n) + fixed;
}

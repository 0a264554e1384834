import { GatewayRequestError } from '../../domain/payments/payment-gateway.ts';

/**
 * Stripe's wire encoding of money is a JSON number of minor units: the one place Saldo's bigint
 * becomes a number, and only when it survives the trip exactly.
 */
export function toStripeAmount(amount: bigint): number {
  const value = Number(amount);
  if (amount < 0n || !Number.isSafeInteger(value))
    throw new GatewayRequestError(
      'stripe',
      'amount_out_of_range',
      `amount ${amount} cannot be sent to Stripe`,
    );
  return value;
}

export function fromStripeAmount(value: unknown): bigint {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new Error(`not a Stripe amount: ${value}`);
  return BigInt(value);
}

import Stripe from 'stripe';
import { GatewayRequestError, GatewayUnavailableError } from '../../domain/payments/payment-gateway.ts';

/**
 * Stripe's errors as the port's. An unknown outcome (no answer, a timeout, 5xx, 409 "a request with
 * this key is still running", 429) is `GatewayUnavailableError`: the payment stays processing and
 * Saldo asks again with the same idempotency key. A refusal (bad key, invalid request, reused key
 * with other parameters, no permission) is `GatewayRequestError`, a definite answer.
 *
 * | SDK error                                   | port error              |
 * |---------------------------------------------|-------------------------|
 * | StripeConnectionError (reset, timeout)      | GatewayUnavailableError |
 * | StripeAPIError, status ≥ 500 or 409         | GatewayUnavailableError |
 * | StripeRateLimitError (429)                  | GatewayUnavailableError |
 * | StripeIdempotencyError                      | GatewayRequestError     |
 * | StripeInvalidRequestError                   | GatewayRequestError     |
 * | StripeAuthenticationError, PermissionError  | GatewayRequestError     |
 * | StripeCardError                             | a `failed` result (not thrown) — see stripe-failures.ts |
 */
export function toGatewayError(error: unknown): Error {
  if (!(error instanceof Stripe.errors.StripeError))
    return error instanceof Error ? error : new Error(String(error));
  const { errors } = Stripe;
  if (error instanceof errors.StripeConnectionError)
    return new GatewayUnavailableError('stripe', error.message);
  if (error instanceof errors.StripeRateLimitError)
    return new GatewayUnavailableError('stripe', `rate limited: ${error.message}`);
  if (error instanceof errors.StripeAPIError) {
    const status = error.statusCode ?? 500;
    if (status >= 500 || status === 409)
      return new GatewayUnavailableError('stripe', `${status}: ${error.message}`);
    return new GatewayRequestError('stripe', error.code ?? 'api_error', error.message);
  }
  if (error instanceof errors.StripeIdempotencyError)
    return new GatewayRequestError('stripe', error.code ?? 'idempotency_error', error.message);
  if (error instanceof errors.StripeAuthenticationError)
    return new GatewayRequestError('stripe', error.code ?? 'authentication_error', error.message);
  if (error instanceof errors.StripePermissionError)
    return new GatewayRequestError('stripe', error.code ?? 'permission_error', error.message);
  if (error instanceof errors.StripeInvalidRequestError)
    return new GatewayRequestError('stripe', error.code ?? 'invalid_request_error', error.message);
  const status = error.statusCode;
  if (status === undefined || status >= 500) return new GatewayUnavailableError('stripe', error.message);
  return new GatewayRequestError('stripe', error.code ?? error.type, error.message);
}

/** True for Stripe's "no such object" answer (a definite: it does not exist). */
export function isResourceMissing(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing';
}

/** Runs a Stripe call and rethrows its errors as the port's. */
export async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toGatewayError(error);
  }
}

import Stripe from 'stripe';
import { call } from './stripe-errors.ts';

/**
 * Whether Stripe takes a secret key: one cheap read (`GET /v1/balance`, which a restricted key
 * also needs for payouts), before the key is sealed and stored. A rejected key (401) or one without
 * the permission (403) is a `GatewayRequestError`; no answer is `GatewayUnavailableError`.
 */
export async function checkStripeSecretKey(config: {
  secretKey: string;
  api?: { host: string; port: number; protocol: 'http' | 'https' };
  timeoutMs?: number;
}): Promise<void> {
  const stripe = new Stripe(config.secretKey, {
    apiVersion: Stripe.API_VERSION,
    maxNetworkRetries: 0,
    telemetry: false,
    timeout: config.timeoutMs ?? 10_000,
    ...(config.api ? { host: config.api.host, port: config.api.port, protocol: config.api.protocol } : {}),
  });
  await call(() => stripe.balance.retrieve());
}

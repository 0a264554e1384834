import type { Database } from '../db/client.ts';
import { AppError } from '../domain/errors.ts';
import type { Gateways, PaymentGateway, ProcessorName } from '../domain/payments/payment-gateway.ts';
import { loadPaymentSettings } from '../domain/payments/payment-settings.repository.ts';
import { findStripeCredentials } from '../domain/payments/processor-credentials.repository.ts';
import { derivedSecret, openSecret } from '../domain/shared/sealed-secrets.ts';
import { createSandboxGateway } from './sandbox/sandbox-gateway.ts';

export interface GatewayConfig {
  publicUrl: string;
  secretKey: Buffer;
  /** Another Stripe API address (SALDO_STRIPE_API_URL): a local fake in tests. */
  stripeApiUrl?: string | undefined;
}

/** The sandbox's signing secret for one seller: derived from the instance key, never stored. */
export const sandboxWebhookSecret = (secretKey: Buffer, orgId: string) =>
  derivedSecret(secretKey, 'sandbox-webhook', orgId);

/** Another Stripe API address (SALDO_STRIPE_API_URL), in the SDK's terms; none: Stripe's own. */
function stripeApi(config: GatewayConfig) {
  const api = config.stripeApiUrl ? new URL(config.stripeApiUrl) : null;
  if (!api) return {};
  const https = api.protocol === 'https:';
  return {
    api: {
      host: api.hostname,
      port: Number(api.port || (https ? 443 : 80)),
      protocol: https ? ('https' as const) : ('http' as const),
    },
  };
}

/**
 * Asks Stripe whether it takes a secret key, before a seller's keys are stored
 * (`updatePaymentSettings`' `checkStripeKey`): one cheap read; throws the port's errors.
 */
export function stripeKeyCheck(config: GatewayConfig): (secretKey: string) => Promise<void> {
  return async (secretKey) => {
    const { checkStripeSecretKey } = await import('./stripe/stripe-keys.ts');
    await checkStripeSecretKey({ secretKey, ...stripeApi(config) });
  };
}

/**
 * Each seller's processor, as its payment settings name it: the sandbox (Saldo's own test
 * processor, keyed per seller) or Stripe with the seller's own keys, opened from their sealed
 * form only here, only for the call. The Stripe SDK is loaded at the first Stripe seller.
 */
export function resolveGateways(deps: { db: Database; config: GatewayConfig }): Gateways {
  const { db, config } = deps;
  /** The seller's gateway and, with it, the keys it was built from (read and opened once). */
  async function build(orgId: string) {
    const settings = await loadPaymentSettings(db, orgId);
    if (settings.processor === 'sandbox') {
      const webhookSecret = sandboxWebhookSecret(config.secretKey, orgId);
      const gateway = createSandboxGateway({ db, publicUrl: config.publicUrl, orgId, webhookSecret });
      return { gateway, stripeWebhookSecret: null };
    }
    const keys = await stripeKeys(orgId);
    if (!keys) throw new AppError('online_payments_disabled', { reason: 'no_methods' });
    const { createStripeGateway } = await import('./stripe/stripe-gateway.ts');
    const gateway = createStripeGateway({
      secretKey: keys.secretKey,
      publishableKey: keys.publishableKey,
      ...(keys.webhookSecret ? { webhookSecret: keys.webhookSecret } : {}),
      ...stripeApi(config),
    });
    return { gateway, stripeWebhookSecret: keys.webhookSecret };
  }
  return {
    checkStripeKey: stripeKeyCheck(config),
    async forSeller(orgId: string): Promise<PaymentGateway> {
      return (await build(orgId)).gateway;
    },
    async forWebhook(orgId: string, processor: ProcessorName) {
      // A seller that does not exist has no secret: its events are refused as an unknown account.
      const seller = await db
        .selectFrom('organizations')
        .select('id')
        .where('id', '=', orgId)
        .executeTakeFirst();
      if (!seller) return null;
      let built: Awaited<ReturnType<typeof build>>;
      try {
        built = await build(orgId);
      } catch (error) {
        if (error instanceof AppError && error.code === 'online_payments_disabled') return null;
        throw error;
      }
      const secret =
        processor === 'sandbox' ? sandboxWebhookSecret(config.secretKey, orgId) : built.stripeWebhookSecret;
      return secret ? { gateway: built.gateway, secret } : null;
    },
  };

  async function stripeKeys(orgId: string) {
    const stored = await findStripeCredentials(db, orgId);
    if (!stored) return null;
    return {
      publishableKey: stored.publishableKey,
      secretKey: openSecret(config.secretKey, orgId, stored.secretKeySealed),
      webhookSecret: stored.webhookSecretSealed
        ? openSecret(config.secretKey, orgId, stored.webhookSecretSealed)
        : null,
    };
  }
}

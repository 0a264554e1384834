import type { Database } from '../../db/client.ts';
import type { MethodKind, ProcessorName } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { assertSafeAmount } from '../money/money.ts';
import { sealSecret } from '../shared/sealed-secrets.ts';
import { GatewayRequestError, GatewayUnavailableError } from './payment-gateway.ts';
import {
  loadPaymentSettings,
  type PaymentSettings,
  savePaymentSettings,
} from './payment-settings.repository.ts';
import { findStripeCredentials, saveStripeCredentials } from './processor-credentials.repository.ts';

export interface PaymentSettingsChange {
  orgId: string;
  processor: ProcessorName;
  onlineInvoices: boolean;
  methods: MethodKind[];
  erpAccounts: { card: string | null; ach: string | null };
  partialAllowed: boolean;
  partialMinimum: bigint | null;
  cardFeeBps: number;
  cardFeeCap: bigint | null;
  autopayText: { es: string | null; en: string | null };
  /** Stripe's keys: a new secret key replaces the stored one; absent keeps it. */
  stripe?: { publishableKey: string; secretKey?: string | null; webhookSecret?: string | null } | null;
  actor: Actor;
}

const STRIPE_SECRET = /^(sk|rk)_(test|live)_[A-Za-z0-9]{10,247}$/;
const STRIPE_PUBLISHABLE = /^pk_(test|live)_[A-Za-z0-9]{10,247}$/;
const STRIPE_WEBHOOK = /^whsec_[A-Za-z0-9+/=]{10,247}$/;

/**
 * Saves how a seller takes online payments. Stripe's secret key and webhook secret are sealed
 * (AES-256-GCM under the instance key, the seller's id as associated data) before they are
 * stored and never come back in full (`secretKeyLast4`); Stripe can be chosen only once its keys
 * are set. A new secret key is first shown to Stripe (`checkStripeKey`, one cheap read, outside
 * any transaction): a key Stripe refuses is `stripe_keys_invalid` and nothing is saved, so a typo
 * is caught here rather than at the first payer's charge. The change is audited without any secret.
 */
export async function updatePaymentSettings(
  deps: {
    db: Database;
    secretKey: Buffer;
    /**
     * Asks Stripe whether it takes a secret key; throws the port's errors (`GatewayRequestError`:
     * refused). src/gateways/resolve-gateways.ts `stripeKeyCheck` is the real one.
     */
    checkStripeKey?: (secretKey: string) => Promise<void>;
  },
  input: PaymentSettingsChange,
): Promise<PaymentSettings> {
  const fields: { field: string; code: string; params?: Record<string, string | number> }[] = [];
  if (input.methods.length === 0 && input.onlineInvoices) fields.push({ field: 'methods', code: 'minItems' });
  if (new Set(input.methods).size !== input.methods.length)
    fields.push({ field: 'methods', code: 'uniqueItems' });
  for (const [field, value] of [
    ['partialMinimum', input.partialMinimum],
    ['cardFeeCap', input.cardFeeCap],
  ] as const) {
    if (value === null) continue;
    if (value <= 0n) fields.push({ field, code: 'exclusiveMinimum', params: { limit: 0 } });
    else assertSafeAmount(value);
  }
  const stripe = input.stripe ?? null;
  if (stripe) {
    if (!STRIPE_PUBLISHABLE.test(stripe.publishableKey))
      fields.push({ field: 'stripe/publishableKey', code: 'pattern' });
    if (stripe.secretKey && !STRIPE_SECRET.test(stripe.secretKey))
      fields.push({ field: 'stripe/secretKey', code: 'pattern' });
    if (stripe.webhookSecret && !STRIPE_WEBHOOK.test(stripe.webhookSecret))
      fields.push({ field: 'stripe/webhookSecret', code: 'pattern' });
  }
  if (fields.length) throw new AppError('validation_failed', {}, fields);
  if (stripe?.secretKey && deps.checkStripeKey) {
    try {
      await deps.checkStripeKey(stripe.secretKey);
    } catch (error) {
      if (error instanceof GatewayRequestError) throw new AppError('stripe_keys_invalid');
      if (error instanceof GatewayUnavailableError) throw new AppError('processor_unavailable');
      throw error;
    }
  }
  return inTransaction(deps.db, async (trx) => {
    const before = await loadPaymentSettings(trx, input.orgId);
    if (stripe) {
      const stored = await findStripeCredentials(trx, input.orgId);
      if (!stored && !stripe.secretKey)
        throw new AppError('validation_failed', {}, [{ field: 'stripe/secretKey', code: 'required' }]);
      await saveStripeCredentials(trx, {
        orgId: input.orgId,
        publishableKey: stripe.publishableKey,
        secretKeySealed: stripe.secretKey
          ? sealSecret(deps.secretKey, input.orgId, stripe.secretKey)
          : stored!.secretKeySealed,
        secretKeyLast4: stripe.secretKey ? stripe.secretKey.slice(-4) : stored!.secretKeyLast4,
        webhookSecretSealed:
          stripe.webhookSecret === undefined
            ? (stored?.webhookSecretSealed ?? null)
            : stripe.webhookSecret
              ? sealSecret(deps.secretKey, input.orgId, stripe.webhookSecret)
              : null,
        updatedBy: input.actor.userId ?? null,
      });
    }
    if (input.processor === 'stripe' && !(await findStripeCredentials(trx, input.orgId)))
      throw new AppError('validation_failed', {}, [{ field: 'stripe/secretKey', code: 'required' }]);
    const settings: PaymentSettings = {
      ...before,
      processor: input.processor,
      onlineInvoices: input.onlineInvoices,
      methods: input.methods,
      erpAccounts: input.erpAccounts,
      partialAllowed: input.partialAllowed,
      partialMinimum: input.partialMinimum,
      cardFeeBps: input.cardFeeBps,
      cardFeeCap: input.cardFeeCap,
      autopayText: input.autopayText,
    };
    await savePaymentSettings(trx, { orgId: input.orgId, settings, updatedBy: input.actor.userId ?? null });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'payment_settings.updated',
      entityType: 'organization',
      entityId: input.orgId,
      before: {
        ...before,
        partialMinimum: before.partialMinimum?.toString() ?? null,
        cardFeeCap: before.cardFeeCap?.toString() ?? null,
      },
      after: {
        ...settings,
        partialMinimum: settings.partialMinimum?.toString() ?? null,
        cardFeeCap: settings.cardFeeCap?.toString() ?? null,
        stripeKeysChanged: Boolean(stripe?.secretKey || stripe?.webhookSecret),
      },
    });
    return settings;
  });
}

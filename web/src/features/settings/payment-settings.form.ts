import { decimalMarkOf } from '../../../../src/domain/money/parse-money.ts';
import type { BodyOf, ResponseOf } from '../../app/api/wire.ts';
import { minorToInput, parseMoneyInput } from '../../app/money-input.ts';

/* The online-payment settings form, both ways; pure (no React), so tests run it in Node. */

export type SavedPaymentSettings = ResponseOf<'getConsoleSettingsPayments'>;
export type PaymentSettingsBody = BodyOf<'putConsoleSettingsPayments'>;
export type MethodKind = SavedPaymentSettings['methods'][number];
export type Processor = SavedPaymentSettings['processor'];

export const METHOD_KINDS: readonly MethodKind[] = ['card', 'ach'];
/** The API's ceiling for the card fee: 10 %. */
export const MAX_CARD_FEE_BPS = 1000;
export const MAX_ERP_ACCOUNT_LENGTH = 100;
export const MAX_AUTOPAY_TEXT_LENGTH = 5000;

/**
 * What the form holds: flat, amounts and the percentage as typed. Stripe's secret key and webhook
 * secret start empty (empty keeps what is stored) and are emptied again after every save.
 */
export type PaymentSettingsForm = {
  processor: Processor;
  onlineInvoices: boolean;
  methods: MethodKind[];
  erpCard: string;
  erpAch: string;
  partialAllowed: boolean;
  partialMinimum: string;
  cardFeePercent: string;
  cardFeeCap: string;
  autopayEs: string;
  autopayEn: string;
  publishableKey: string;
  secretKey: string;
  webhookSecret: string;
};

export type FieldError =
  | 'required'
  | 'invalid'
  | 'tooManyDecimals'
  | 'tooLarge'
  | 'notPositive'
  | 'percentInvalid'
  | 'percentTooHigh'
  | 'noMethods';

/** Which form field each of the API's field names (`erpAccounts.card`, `stripe/secretKey`…) is. */
const FIELD_OF_SERVER: Readonly<Record<string, keyof PaymentSettingsForm>> = {
  processor: 'processor',
  onlineInvoices: 'onlineInvoices',
  methods: 'methods',
  'erpAccounts.card': 'erpCard',
  'erpAccounts.ach': 'erpAch',
  erpAccounts: 'erpCard',
  partialAllowed: 'partialAllowed',
  partialMinimum: 'partialMinimum',
  cardFeeBps: 'cardFeePercent',
  cardFeeCap: 'cardFeeCap',
  'autopayText.es': 'autopayEs',
  'autopayText.en': 'autopayEn',
  'stripe.publishableKey': 'publishableKey',
  'stripe.secretKey': 'secretKey',
  'stripe.webhookSecret': 'webhookSecret',
};

/** The form field an API error names, or null (the error is then shown above the form). */
export function formFieldOf(serverField: string): keyof PaymentSettingsForm | null {
  // Schema errors name `erpAccounts.card`, the use case's own `stripe/secretKey`; `methods.1` is the list.
  const path = serverField
    .replace(/^\//, '')
    .replaceAll('/', '.')
    .replace(/^methods\.\d+$/, 'methods');
  return FIELD_OF_SERVER[path] ?? null;
}

/** "2.9" (or "2,9") percent → 290 basis points, exactly; empty is no fee. */
export function percentToBps(text: string): { ok: true; bps: number } | { ok: false; reason: FieldError } {
  const trimmed = text.trim().replace(/\s*%$/, '');
  if (trimmed === '') return { ok: true, bps: 0 };
  const match = /^(\d{1,3})(?:[.,](\d{0,2}))?$/.exec(trimmed);
  if (!match) return { ok: false, reason: 'percentInvalid' };
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const bps = whole * 100 + fraction;
  if (bps > MAX_CARD_FEE_BPS) return { ok: false, reason: 'percentTooHigh' };
  return { ok: true, bps };
}

/** 290 basis points → "2.9" in the locale's decimal mark; 0 → "" (no fee). */
export function bpsToPercent(bps: number, locale: string): string {
  if (bps === 0) return '';
  const whole = Math.trunc(bps / 100);
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}${decimalMarkOf(locale)}${fraction}` : String(whole);
}

/** The form as the server's answer fills it: amounts in the seller's currency, no secrets. */
export function formFromSettings(
  saved: SavedPaymentSettings,
  currency: string,
  locale: string,
): PaymentSettingsForm {
  const amount = (minor: number | null) => (minor === null ? '' : minorToInput(minor, currency, locale));
  return {
    processor: saved.processor,
    onlineInvoices: saved.onlineInvoices,
    methods: METHOD_KINDS.filter((kind) => saved.methods.includes(kind)),
    erpCard: saved.erpAccounts.card ?? '',
    erpAch: saved.erpAccounts.ach ?? '',
    partialAllowed: saved.partialAllowed,
    partialMinimum: amount(saved.partialMinimum),
    cardFeePercent: bpsToPercent(saved.cardFeeBps, locale),
    cardFeeCap: amount(saved.cardFeeCap),
    autopayEs: saved.autopayText.es ?? '',
    autopayEn: saved.autopayText.en ?? '',
    publishableKey: saved.stripe?.publishableKey ?? '',
    secretKey: '',
    webhookSecret: '',
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * The PUT body for what the form holds, or what is wrong with it, field by field. A minimum or a
 * cap that does not apply (part payments off, no fee) is not checked and not kept. Stripe's keys
 * are sent only with Stripe chosen; an empty secret is left out, so the stored one stays.
 */
export function paymentSettingsBody(
  values: PaymentSettingsForm,
  options: { currency: string; locale: string; hasStripeKeys: boolean },
):
  | { ok: true; body: PaymentSettingsBody }
  | { ok: false; errors: Partial<Record<keyof PaymentSettingsForm, FieldError>> } {
  const errors: Partial<Record<keyof PaymentSettingsForm, FieldError>> = {};
  // Amounts: bigint minor units, a JSON number only in the body itself.
  const amount = (field: 'partialMinimum' | 'cardFeeCap', applies: boolean): number | null => {
    if (!applies) return null;
    const parsed = parseMoneyInput(values[field], options.currency, options.locale);
    if (parsed.ok) return Number(parsed.minor);
    if (parsed.reason !== 'empty') errors[field] = parsed.reason;
    return null;
  };

  const methods = METHOD_KINDS.filter((kind) => values.methods.includes(kind));
  if (values.onlineInvoices && methods.length === 0) errors.methods = 'noMethods';
  const fee = percentToBps(values.cardFeePercent);
  if (!fee.ok) errors.cardFeePercent = fee.reason;
  const cardFeeBps = fee.ok ? fee.bps : 0;
  const partialMinimum = amount('partialMinimum', values.partialAllowed);
  const cardFeeCap = amount('cardFeeCap', cardFeeBps > 0);

  let stripe: PaymentSettingsBody['stripe'];
  if (values.processor === 'stripe') {
    const publishableKey = values.publishableKey.trim();
    const secretKey = values.secretKey.trim();
    const webhookSecret = values.webhookSecret.trim();
    if (!publishableKey) errors.publishableKey = 'required';
    if (!secretKey && !options.hasStripeKeys) errors.secretKey = 'required';
    stripe = {
      publishableKey,
      ...(secretKey ? { secretKey } : {}),
      ...(webhookSecret ? { webhookSecret } : {}),
    };
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      processor: values.processor,
      onlineInvoices: values.onlineInvoices,
      methods,
      erpAccounts: { card: text(values.erpCard), ach: text(values.erpAch) },
      partialAllowed: values.partialAllowed,
      partialMinimum,
      cardFeeBps,
      cardFeeCap,
      autopayText: { es: text(values.autopayEs), en: text(values.autopayEn) },
      ...(stripe ? { stripe } : {}),
    },
  };
}

/**
 * Where the processor chosen in the form will send its events. The server answers the address
 * for the saved processor; the address differs only in the processor's segment.
 */
export function webhookUrlFor(saved: SavedPaymentSettings, processor: Processor): string {
  return saved.webhookUrl.replace(`/webhooks/${saved.processor}/`, `/webhooks/${processor}/`);
}

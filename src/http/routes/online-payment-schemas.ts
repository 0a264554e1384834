import { Type } from 'typebox';
import type { Locale } from '../../db/schema.ts';
import { t } from '../../i18n/index.ts';
import { documentAmountAsNumber, MinorAmount, MinorAmountOut, PaymentStatus, Uuid } from '../schemas.ts';

/**
 * What the online-payment routes of every audience share — the portal's, staff's on a customer's
 * behalf, a pay link's and autopay's: the shapes of a method, of what is being paid, of the answer
 * to a payment and of a decline, in the payer's words.
 */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const MethodKind = Type.Union([Type.Literal('card'), Type.Literal('ach')]);

/** The invoices a payment is for, and how much of each (one payment pays at most 200). */
export const PayAllocations = Type.Array(
  Type.Object({ invoiceId: Uuid, amount: MinorAmount }, { additionalProperties: false }),
  { minItems: 1, maxItems: 200 },
);

/** A new method's token, as the processor's entry page handed it back. */
export const MethodToken = Type.String({ minLength: 1, maxLength: 255, pattern: '^[A-Za-z0-9_-]+$' });

/** What a payment pays and with what: a saved method, or a new one's token (optionally saved). */
export const PayWithFields = {
  kind: MethodKind,
  allocations: PayAllocations,
  paymentMethodId: Type.Optional(Uuid),
  methodToken: Type.Optional(MethodToken),
  saveMethod: Type.Optional(Type.Boolean()),
};

/** A saved method as a payer (or staff) chooses it: the processor's display details only. */
export const SavedMethodSchema = Type.Object({
  id: Uuid,
  kind: MethodKind,
  brand: Nullable(Type.String()),
  last4: Type.String(),
  expMonth: Nullable(Type.Integer()),
  expYear: Nullable(Type.Integer()),
  bankName: Nullable(Type.String()),
  accountType: Nullable(Type.String()),
  usedByAutopay: Type.Boolean(),
});

/** A decline: its code, what it means in the reader's language, whether trying again may work. */
export const FailureSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  retryable: Type.Boolean(),
});

/** The answer to a payment made (or replayed): where it stands, and a page to finish it (3-D Secure). */
export const PayAnswerSchema = Type.Object({
  id: Uuid,
  number: Type.String(),
  status: PaymentStatus,
  amount: MinorAmountOut,
  fee: MinorAmountOut,
  total: MinorAmountOut,
  currency: Type.String(),
  failure: Nullable(FailureSchema),
  actionUrl: Nullable(Type.String()),
});

/** A price asked before paying: the amount, the card fee, the total, and what each invoice can take. */
export const QuoteAnswerSchema = Type.Object({
  currency: Type.String(),
  amount: MinorAmountOut,
  fee: MinorAmountOut,
  total: MinorAmountOut,
  allocations: Type.Array(
    Type.Object({ invoiceId: Uuid, number: Type.String(), amount: MinorAmountOut, payable: MinorAmountOut }),
  ),
});

/** Soft declines a payer may simply try again (and autopay retries); hard ones need another method. */
const softDeclines = new Set(['insufficient_funds', 'processing_error']);

/** A decline in `locale`'s words; a code without words of its own reads as the generic decline. */
export function declineJson(locale: Locale, code: string | null, retryable?: boolean | null) {
  if (!code) return null;
  const key = `decline.${code}`;
  const message = t(locale, key);
  return {
    code,
    message: message === key ? t(locale, 'decline.unknown') : message,
    retryable: retryable ?? softDeclines.has(code),
  };
}

/** A nullable amount on the wire (schemas.ts: documentAmountAsNumber). */
export const amountOrNull = (value: bigint | null) => (value === null ? null : documentAmountAsNumber(value));

import type { Kysely, Transaction } from 'kysely';
import type { DB, MethodKind, ProcessorName } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** How a seller takes online payments (payment_settings; a seller without a row has the defaults). */
export interface PaymentSettings {
  processor: ProcessorName;
  /** Customers may pay invoices online. */
  onlineInvoices: boolean;
  /** Orders over the credit limit may be paid online (credit checks). */
  onlineOrders: boolean;
  /** Accepted methods, in the seller's order. */
  methods: MethodKind[];
  /** The ERP's payment account ("forma de cobro") per method, for the confirmations export. */
  erpAccounts: { card: string | null; ach: string | null };
  partialAllowed: boolean;
  /** The least a partial payment of one invoice may be, in that invoice's minor units; null: none. */
  partialMinimum: bigint | null;
  /** A card convenience fee in basis points of the amount (300 = 3 %), with an optional cap. */
  cardFeeBps: number;
  cardFeeCap: bigint | null;
  autopayText: { es: string | null; en: string | null };
}

/**
 * Saldo's defaults: the sandbox processor, card and ACH, partial payments of any amount, no fee.
 * The sandbox takes test numbers only, so a new seller can try every flow before it connects Stripe.
 */
export const defaultPaymentSettings: PaymentSettings = {
  processor: 'sandbox',
  onlineInvoices: true,
  onlineOrders: false,
  methods: ['card', 'ach'],
  erpAccounts: { card: null, ach: null },
  partialAllowed: true,
  partialMinimum: null,
  cardFeeBps: 0,
  cardFeeCap: null,
  autopayText: { es: null, en: null },
};

export async function loadPaymentSettings(db: Db, orgId: string): Promise<PaymentSettings> {
  const row = await db
    .selectFrom('payment_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return defaultPaymentSettings;
  return {
    processor: row.processor,
    onlineInvoices: row.online_invoices,
    onlineOrders: row.online_orders,
    methods: row.methods,
    erpAccounts: { card: row.erp_account_card, ach: row.erp_account_ach },
    partialAllowed: row.partial_allowed,
    partialMinimum: row.partial_minimum,
    cardFeeBps: row.card_fee_bps,
    cardFeeCap: row.card_fee_cap,
    autopayText: { es: row.autopay_text_es, en: row.autopay_text_en },
  };
}

export async function savePaymentSettings(
  db: Db,
  input: { orgId: string; settings: PaymentSettings; updatedBy: string | null },
): Promise<void> {
  const s = input.settings;
  const values = {
    processor: s.processor,
    online_invoices: s.onlineInvoices,
    online_orders: s.onlineOrders,
    methods: s.methods,
    erp_account_card: s.erpAccounts.card,
    erp_account_ach: s.erpAccounts.ach,
    partial_allowed: s.partialAllowed,
    partial_minimum: s.partialMinimum,
    card_fee_bps: s.cardFeeBps,
    card_fee_cap: s.cardFeeCap,
    autopay_text_es: s.autopayText.es,
    autopay_text_en: s.autopayText.en,
    updated_by: input.updatedBy,
  };
  await db
    .insertInto('payment_settings')
    .values({ org_id: input.orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

/**
 * The card convenience fee on `amount`: bps of it, rounded half up to the minor unit, at most the
 * cap. 0 for ACH and when the seller charges none.
 */
export function cardFee(
  settings: Pick<PaymentSettings, 'cardFeeBps' | 'cardFeeCap'>,
  amount: bigint,
): bigint {
  if (settings.cardFeeBps <= 0 || amount <= 0n) return 0n;
  const fee = (amount * BigInt(settings.cardFeeBps) + 5_000n) / 10_000n;
  return settings.cardFeeCap !== null && fee > settings.cardFeeCap ? settings.cardFeeCap : fee;
}

import type { Kysely, Transaction } from 'kysely';
import type { CustomerRole, DB, MethodKind } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { lockInvoices } from '../invoices/invoices.repository.ts';
import { assertSafeAmount } from '../money/money.ts';
import { cardFee, loadPaymentSettings, type PaymentSettings } from './payment-settings.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

export type OnlineBlockedReason = 'seller_off' | 'customer_off' | 'role' | 'no_methods';

/** Customer roles that may pay; an accountant reads. Staff paying on a customer's behalf pass null. */
const payingRoles: readonly CustomerRole[] = ['account_admin', 'payer'];

/**
 * Whether this account may pay online now, and if not why, in words the payer can act on. A
 * credit hold does not stop a payment: paying is what lifts a hold.
 */
export async function onlineEligibility(
  db: Db,
  input: {
    orgId: string;
    customerId: string;
    role: CustomerRole | null;
    /** What is being paid: invoices (the default) or an order over the credit limit (a prepayment). */
    purpose?: 'invoices' | 'order' | undefined;
  },
): Promise<{
  settings: PaymentSettings;
  blockedReason: OnlineBlockedReason | null;
  holdMessage: string | null;
  /** The names the processor and the authorization text use. */
  customerName: string;
  sellerName: string;
  /** The account's own currency (ISO 4217). */
  customerCurrency: string;
  /** The methods this account may use: ACH only for an account in US dollars. */
  methods: PaymentSettings['methods'];
}> {
  const settings = await loadPaymentSettings(db, input.orgId);
  const customer = await db
    .selectFrom('customer_accounts as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select([
      'c.online_payments',
      'c.hold_status',
      'c.hold_message',
      'c.name',
      'c.currency',
      'o.name as seller_name',
    ])
    .where('c.org_id', '=', input.orgId)
    .where('c.id', '=', input.customerId)
    .executeTakeFirst();
  if (!customer) throw new AppError('not_found');
  const holdMessage = customer.hold_status === 'on_hold' ? customer.hold_message : null;
  let blockedReason: OnlineBlockedReason | null = null;
  // The seller switches paying invoices and paying orders online on and off apart.
  if (!(input.purpose === 'order' ? settings.onlineOrders : settings.onlineInvoices))
    blockedReason = 'seller_off';
  else if (!customer.online_payments) blockedReason = 'customer_off';
  // ACH debits US bank accounts in US dollars: offered to accounts in USD only.
  const methods = settings.methods.filter((kind) => kind !== 'ach' || customer.currency.trim() === 'USD');
  if (!blockedReason && methods.length === 0) blockedReason = 'no_methods';
  else if (input.role !== null && !payingRoles.includes(input.role)) blockedReason ??= 'role';
  return {
    settings,
    blockedReason,
    holdMessage,
    customerName: customer.name,
    sellerName: customer.seller_name,
    customerCurrency: customer.currency.trim(),
    methods,
  };
}

export interface QuoteInput {
  orgId: string;
  customerId: string;
  kind: MethodKind;
  allocations: { invoiceId: string; amount: bigint }[];
  /** The payer's customer role; null for staff on the customer's behalf and for autopay. */
  role: CustomerRole | null;
  /**
   * A prepayment for an order over the credit limit: no invoice yet, so the amount and currency
   * are the order's and `allocations` is empty; the money waits as unapplied cash for the invoice.
   */
  order?: OrderPayment | null | undefined;
}

export interface OrderPayment {
  reference: string;
  amount: bigint;
  currency: string;
}

export interface Quote {
  currency: string;
  amount: bigint;
  fee: bigint;
  total: bigint;
  allocations: { invoiceId: string; number: string; amount: bigint; payable: bigint }[];
  settings: PaymentSettings;
}

/**
 * What paying these invoices this way costs, every rule checked: the account may pay online, the
 * method is accepted, each invoice is the account's, open, in one currency, and the amount is at
 * most what is payable (open − already in flight), in full unless partial payments are allowed,
 * and not below the partial minimum. Locks the invoices when `db` is a transaction (the start of
 * a payment), so two payers of the same invoice queue and the second sees the first's pending.
 */
export async function quoteOnlinePayment(deps: { db: Db }, input: QuoteInput): Promise<Quote> {
  const { settings, blockedReason } = await onlineEligibility(deps.db, {
    ...input,
    purpose: input.order ? 'order' : 'invoices',
  });
  if (blockedReason) throw new AppError('online_payments_disabled', { reason: blockedReason });
  if (!settings.methods.includes(input.kind)) throw new AppError('method_not_accepted', { kind: input.kind });
  if (input.order) return quoteOrder(settings, input.kind, input.order, input.allocations.length);
  if (input.allocations.length === 0)
    throw new AppError('validation_failed', {}, [
      { field: 'allocations', code: 'minItems', params: { limit: 1 } },
    ]);
  const byInvoice = new Map<string, bigint>();
  for (const a of input.allocations) {
    if (a.amount <= 0n) throw new AppError('amount_not_positive');
    byInvoice.set(a.invoiceId, (byInvoice.get(a.invoiceId) ?? 0n) + a.amount);
  }
  const ids = [...byInvoice.keys()].sort();
  const invoices = await lockInvoices(deps.db, { orgId: input.orgId, invoiceIds: ids });
  const found = new Map(invoices.map((i) => [i.id, i]));
  let currency: string | null = null;
  let amount = 0n;
  const allocations: Quote['allocations'] = [];
  for (const id of ids) {
    const invoice = found.get(id);
    // Another account's invoice reads as no invoice at all.
    if (!invoice || invoice.customerId !== input.customerId) throw new AppError('not_found');
    if (invoice.status !== 'open')
      throw new AppError('invoice_not_open', { number: invoice.number, status: invoice.status });
    currency ??= invoice.currency;
    if (invoice.currency !== currency)
      throw new AppError('currency_mismatch', {
        number: invoice.number,
        invoiceCurrency: invoice.currency,
        currency,
      });
    const wanted = byInvoice.get(id)!;
    const payable = invoice.openAmount - invoice.pendingAmount;
    if (payable <= 0n && invoice.pendingAmount > 0n)
      throw new AppError('payment_in_progress', { number: invoice.number });
    if (wanted > payable)
      throw new AppError('exceeds_open_amount', {
        number: invoice.number,
        available: { amount: payable, currency: invoice.currency },
      });
    if (wanted < payable) {
      if (!settings.partialAllowed)
        throw new AppError('partial_not_allowed', {
          number: invoice.number,
          available: { amount: payable, currency: invoice.currency },
        });
      if (settings.partialMinimum !== null && wanted < settings.partialMinimum)
        throw new AppError('below_partial_minimum', {
          number: invoice.number,
          minimum: { amount: settings.partialMinimum, currency: invoice.currency },
        });
    }
    amount += wanted;
    allocations.push({ invoiceId: id, number: invoice.number, amount: wanted, payable });
  }
  // ACH debits US bank accounts, in US dollars only.
  if (input.kind === 'ach' && currency !== 'USD') throw new AppError('method_not_accepted', { kind: 'ach' });
  assertSafeAmount(amount);
  const fee = input.kind === 'card' ? cardFee(settings, amount) : 0n;
  return { currency: currency!, amount, fee, total: amount + fee, allocations, settings };
}

/** An order's prepayment: the whole amount asked, in the order's currency, with the card fee. */
function quoteOrder(
  settings: PaymentSettings,
  kind: MethodKind,
  order: OrderPayment,
  invoices: number,
): Quote {
  if (invoices > 0)
    throw new AppError('validation_failed', {}, [
      { field: 'allocations', code: 'maxItems', params: { limit: 0 } },
    ]);
  if (order.amount <= 0n) throw new AppError('amount_not_positive');
  assertSafeAmount(order.amount);
  if (kind === 'ach' && order.currency !== 'USD') throw new AppError('method_not_accepted', { kind: 'ach' });
  const fee = kind === 'card' ? cardFee(settings, order.amount) : 0n;
  return {
    currency: order.currency,
    amount: order.amount,
    fee,
    total: order.amount + fee,
    allocations: [],
    settings,
  };
}

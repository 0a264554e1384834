import { minorToInput, type ParsedAmount, parseMoneyInput } from '../../app/money-input.ts';
import type {
  AllocationBody,
  BlockedReason,
  NewPaymentBody,
  PaymentKind,
  PaymentOptions,
} from './portal-pay.types.ts';

/*
 * The portal's payment flow without React: what may be selected, what each invoice may take, the
 * bodies sent to the API, and what the browser tab remembers (so a reload, the back button or a
 * retry never loses the selection or pays twice). Pure, so tests run it in Node.
 */

/** An open invoice as the pay screens need it; amounts are minor units of `currency`. */
export interface PayInvoice {
  id: string;
  number: string;
  currency: string;
  dueDate: string;
  status: 'draft' | 'open' | 'void';
  paymentStatus: 'unpaid' | 'partially_paid' | 'payment_pending' | 'paid';
  overdue: boolean;
  daysOverdue: number;
  openAmount: number;
  /** What may still be paid online: open less what is already in flight. */
  payable: bigint;
}

/** An invoice of a list or detail as the pay screens take it, with what may still be paid on it. */
export function payInvoiceOf(invoice: Omit<PayInvoice, 'payable'>, payable: bigint): PayInvoice {
  return {
    id: invoice.id,
    number: invoice.number,
    currency: invoice.currency,
    dueDate: invoice.dueDate,
    status: invoice.status,
    paymentStatus: invoice.paymentStatus,
    overdue: invoice.overdue,
    daysOverdue: invoice.daysOverdue,
    openAmount: invoice.openAmount,
    payable,
  };
}

/** The most invoices one payment takes (the API's limit). */
export const MAX_INVOICES = 200;

/**
 * What may be paid on an invoice: its open amount less what is in flight. A list row does not say
 * how much is pending, so a row with a payment pending counts as having nothing left (its detail,
 * with `pendingAmount`, knows better).
 */
export function payableOf(invoice: {
  status: string;
  paymentStatus: string;
  openAmount: number;
  pendingAmount?: number | null;
}): bigint {
  if (invoice.status !== 'open' || invoice.openAmount <= 0) return 0n;
  const open = BigInt(invoice.openAmount);
  if (typeof invoice.pendingAmount === 'number') {
    const left = open - BigInt(invoice.pendingAmount);
    return left > 0n ? left : 0n;
  }
  return invoice.paymentStatus === 'payment_pending' ? 0n : open;
}

/** Whether a list row may be ticked to pay it. */
export function canSelectForPayment(invoice: {
  status: string;
  paymentStatus: string;
  openAmount: number;
}): boolean {
  return payableOf(invoice) > 0n;
}

export interface CurrencyTotal {
  currency: string;
  count: number;
  total: bigint;
}

/** What a selection adds up to, one line per currency, in the order the currencies first appear. */
export function totalsByCurrency(invoices: { currency: string; payable: bigint }[]): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const invoice of invoices) {
    if (invoice.payable <= 0n) continue;
    const entry = totals.get(invoice.currency) ?? { currency: invoice.currency, count: 0, total: 0n };
    entry.count += 1;
    entry.total += invoice.payable;
    totals.set(invoice.currency, entry);
  }
  return [...totals.values()];
}

// What is being paid, as the address says it.

export type Preset = 'overdue' | 'all';
export type Selection = { kind: 'ids'; ids: string[] } | { kind: 'preset'; preset: Preset };

const ID = /^[0-9a-f-]{1,64}$/i;

/** `?invoices=a,b` or `?preset=overdue|all`; anything else (or nothing usable) is no selection. */
export function parseSelection(params: URLSearchParams): Selection | null {
  const preset = params.get('preset');
  if (preset === 'overdue' || preset === 'all') return { kind: 'preset', preset };
  const ids = [
    ...new Set(
      (params.get('invoices') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => ID.test(id)),
    ),
  ].slice(0, MAX_INVOICES);
  return ids.length > 0 ? { kind: 'ids', ids } : null;
}

/** A stable name for a selection, for what the tab remembers about it. */
export function selectionKey(selection: Selection): string {
  return selection.kind === 'preset'
    ? `preset:${selection.preset}`
    : `ids:${[...selection.ids].sort().join(',')}`;
}

/** The pay page's address for a selection (optionally in one currency). */
export function payPath(selection: Selection, extra: Record<string, string | null | undefined> = {}): string {
  const params = new URLSearchParams();
  if (selection.kind === 'preset') params.set('preset', selection.preset);
  else params.set('invoices', selection.ids.join(','));
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return `/portal/pay?${params.toString().replaceAll('%2C', ',')}`;
}

/** The payable invoices grouped by currency (one payment is in one currency). */
export function currencyGroups(rows: PayInvoice[]): { currency: string; rows: PayInvoice[] }[] {
  const groups = new Map<string, PayInvoice[]>();
  for (const row of rows) {
    if (row.payable <= 0n) continue;
    groups.set(row.currency, [...(groups.get(row.currency) ?? []), row]);
  }
  return [...groups.entries()].map(([currency, list]) => ({ currency, rows: list }));
}

/** The currency to pay in: the one asked for if the selection has it, else the only one there is. */
export function chosenCurrency(groups: { currency: string }[], asked: string | null): string | null {
  if (asked && groups.some((group) => group.currency === asked)) return asked;
  return groups.length === 1 ? (groups[0]?.currency ?? null) : null;
}

// Amounts.

export interface PartialRule {
  allowed: boolean;
  /** Least a part payment of one invoice may be, minor units; null: no minimum. */
  minimum: number | null;
}

export type AmountProblem =
  | { kind: 'parse'; reason: Exclude<ParsedAmount, { ok: true }>['reason'] }
  | { kind: 'exceedsPayable'; payable: bigint }
  | { kind: 'belowMinimum'; minimum: bigint }
  | { kind: 'partialNotAllowed' };

/** What is typed in an invoice's amount field at first: all that may be paid on it. */
export function defaultTexts(rows: PayInvoice[], locale: string): Record<string, string> {
  return Object.fromEntries(rows.map((row) => [row.id, minorToInput(row.payable, row.currency, locale)]));
}

/**
 * One invoice's amount: more than zero, at most what is payable, and, when it is less (a part
 * payment), only if part payments are allowed and at least their minimum. Paying all of an invoice
 * whose payable amount is under the minimum is fine.
 */
export function checkAmount(
  text: string,
  row: Pick<PayInvoice, 'currency' | 'payable'>,
  partial: PartialRule,
  locale: string,
): { ok: true; minor: bigint } | { ok: false; problem: AmountProblem } {
  const parsed = parseMoneyInput(text, row.currency, locale);
  if (!parsed.ok) return { ok: false, problem: { kind: 'parse', reason: parsed.reason } };
  if (parsed.minor > row.payable)
    return { ok: false, problem: { kind: 'exceedsPayable', payable: row.payable } };
  if (parsed.minor < row.payable) {
    if (!partial.allowed) return { ok: false, problem: { kind: 'partialNotAllowed' } };
    if (partial.minimum !== null && parsed.minor < BigInt(partial.minimum))
      return { ok: false, problem: { kind: 'belowMinimum', minimum: BigInt(partial.minimum) } };
  }
  return { ok: true, minor: parsed.minor };
}

export interface AmountsCheck {
  allocations: { invoiceId: string; amount: bigint }[];
  problems: Record<string, AmountProblem>;
  total: bigint;
  ok: boolean;
}

/**
 * Every included invoice's amount. Without part payments the amount is what is payable, whatever
 * was typed. `ok` when there is at least one invoice and no problem.
 */
export function checkAmounts(
  rows: PayInvoice[],
  texts: Record<string, string>,
  excluded: ReadonlySet<string>,
  partial: PartialRule,
  locale: string,
): AmountsCheck {
  const allocations: AmountsCheck['allocations'] = [];
  const problems: Record<string, AmountProblem> = {};
  let total = 0n;
  for (const row of rows) {
    if (excluded.has(row.id) || row.payable <= 0n) continue;
    if (!partial.allowed) {
      allocations.push({ invoiceId: row.id, amount: row.payable });
      total += row.payable;
      continue;
    }
    const text = texts[row.id] ?? minorToInput(row.payable, row.currency, locale);
    const checked = checkAmount(text, row, partial, locale);
    if (checked.ok) {
      allocations.push({ invoiceId: row.id, amount: checked.minor });
      total += checked.minor;
    } else {
      problems[row.id] = checked.problem;
    }
  }
  const ok = allocations.length > 0 && Object.keys(problems).length === 0;
  return { allocations, problems, total, ok };
}

/** Minor units on the wire: a JSON number, refused if it would not be exact. */
export function wireAmount(minor: bigint): number {
  const value = Number(minor);
  if (!Number.isSafeInteger(value)) throw new RangeError('amount too large for the wire');
  return value;
}

export function allocationsBody(allocations: { invoiceId: string; amount: bigint }[]): AllocationBody[] {
  return allocations.map(({ invoiceId, amount }) => ({ invoiceId, amount: wireAmount(amount) }));
}

// The method.

export type MethodChoice =
  | { type: 'saved'; id: string; kind: PaymentKind }
  | { type: 'new'; kind: PaymentKind; token: string };

/** A new method just entered on the processor's page: `method` and `kind`, added by it on the way back. */
export function enteredMethod(
  params: URLSearchParams,
  options: Pick<PaymentOptions, 'methods'>,
): Extract<MethodChoice, { type: 'new' }> | null {
  const token = params.get('method');
  const kind = params.get('kind');
  return token && (kind === 'card' || kind === 'ach') && options.methods.includes(kind)
    ? { type: 'new', kind, token }
    : null;
}

/**
 * The method the address names: a saved one (`pm`) still on file and of an accepted kind, else the
 * one just entered (which stays in the address, so the payer can switch back to it).
 */
export function methodFromParams(
  params: URLSearchParams,
  options: Pick<PaymentOptions, 'methods' | 'savedMethods'>,
): MethodChoice | null {
  const saved = options.savedMethods.find((method) => method.id === params.get('pm'));
  if (saved && options.methods.includes(saved.kind)) return { type: 'saved', id: saved.id, kind: saved.kind };
  return enteredMethod(params, options);
}

/** The POST /portal/payments body. */
export function paymentBody(input: {
  method: MethodChoice;
  allocations: { invoiceId: string; amount: bigint }[];
  saveMethod: boolean;
  achAccepted: boolean;
}): NewPaymentBody {
  const base = { kind: input.method.kind, allocations: allocationsBody(input.allocations) };
  const method =
    input.method.type === 'saved'
      ? { paymentMethodId: input.method.id }
      : { methodToken: input.method.token, saveMethod: input.saveMethod };
  return {
    ...base,
    ...method,
    ...(input.method.kind === 'ach' ? { achAuthorizationAccepted: input.achAccepted } : {}),
  };
}

/** What is being sent, as one string: the same payment always reads the same. */
export function fingerprint(body: NewPaymentBody): string {
  return JSON.stringify([
    body.kind,
    body.allocations.map((allocation) => [allocation.invoiceId, allocation.amount]),
    'paymentMethodId' in body ? body.paymentMethodId : null,
    'methodToken' in body ? [body.methodToken, body.saveMethod] : null,
    body.achAuthorizationAccepted ?? null,
  ]);
}

/**
 * The API's per-field errors that name an allocation (`allocations/0/amount`, `allocations.0.amount`,
 * `/body/allocations/0/amount`), by the invoice they are about.
 */
export function errorsByInvoice(
  errors: { field: string; message: string }[] | undefined,
  allocations: { invoiceId: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors ?? []) {
    const match = /allocations[./[](\d+)/.exec(error.field);
    const invoiceId = match ? allocations[Number(match[1])]?.invoiceId : undefined;
    if (invoiceId && !out[invoiceId]) out[invoiceId] = error.message;
  }
  return out;
}

/** Why this person may not pay online (the i18n key under `blocked.`), or null when they may. */
export function blockedReason(
  options: Pick<PaymentOptions, 'enabled' | 'blockedReason'>,
): BlockedReason | null {
  if (options.enabled) return null;
  return options.blockedReason ?? 'seller_off';
}

// What the tab remembers (sessionStorage), so a reload or the back button keeps the flow.

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEYS = 'saldo.portalPay.keys';
const FLOW = 'saldo.portalPay.flow.';
const ATTEMPTS = 'saldo.portalPay.attempts';

function readJson<T>(store: KeyValueStore, key: string, fallback: T): T {
  try {
    const text = store.getItem(key);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // A full or blocked storage only loses what a reload would have kept.
  }
}

type KeyEntry = { key: string; paymentId?: string };

/**
 * The Idempotency-Key of one payment as reviewed: made once and kept in the tab, so a double click,
 * a reload or a retry after a network error sends the same key (the server then answers with the
 * first attempt instead of charging again). Another body is another payment, with its own key.
 */
export function idempotencyKeyFor(store: KeyValueStore, print: string, newKey: () => string): string {
  const entries = readJson<Record<string, KeyEntry>>(store, KEYS, {});
  const existing = entries[print];
  if (existing) return existing.key;
  const key = newKey();
  // Only the latest few are worth keeping.
  const kept = Object.entries(entries).slice(-19);
  writeJson(store, KEYS, Object.fromEntries([...kept, [print, { key }]]));
  return key;
}

/** Notes which payment a key made (so "Try again" after it failed can start a new attempt). */
export function rememberPaymentFor(store: KeyValueStore, print: string, paymentId: string): void {
  const entries = readJson<Record<string, KeyEntry>>(store, KEYS, {});
  const entry = entries[print];
  if (!entry) return;
  entries[print] = { ...entry, paymentId };
  writeJson(store, KEYS, entries);
}

/** A failed attempt is over: the next try of the same payment is a new attempt with a new key. */
export function forgetKey(store: KeyValueStore, print: string): void {
  const entries = readJson<Record<string, KeyEntry>>(store, KEYS, {});
  delete entries[print];
  writeJson(store, KEYS, entries);
}

export function forgetPaymentKeys(store: KeyValueStore, paymentId: string): void {
  const entries = readJson<Record<string, KeyEntry>>(store, KEYS, {});
  writeJson(
    store,
    KEYS,
    Object.fromEntries(Object.entries(entries).filter(([, entry]) => entry.paymentId !== paymentId)),
  );
}

/** What the payer has typed and chosen for one selection. */
export interface FlowState {
  texts: Record<string, string>;
  excluded: string[];
  saveMethod: boolean;
}

export function loadFlow(store: KeyValueStore, key: string): FlowState {
  const value = readJson<Partial<FlowState>>(store, FLOW + key, {});
  return {
    texts: value.texts && typeof value.texts === 'object' ? value.texts : {},
    excluded: Array.isArray(value.excluded) ? value.excluded : [],
    saveMethod: value.saveMethod ?? false,
  };
}

export function saveFlow(store: KeyValueStore, key: string, state: FlowState): void {
  writeJson(store, FLOW + key, state);
}

export function clearFlow(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(FLOW + key);
  } catch {
    // Nothing to forget.
  }
}

/**
 * Where a payment was made from (the pay page's address at review, and the amounts), so its
 * result page can offer "Try again" with the same selection and amounts.
 */
export interface Attempt {
  path: string;
  selection: string;
  texts: Record<string, string>;
}

export function rememberAttempt(store: KeyValueStore, paymentId: string, attempt: Attempt): void {
  const attempts = readJson<Record<string, Attempt>>(store, ATTEMPTS, {});
  const kept = Object.entries(attempts)
    .filter(([id]) => id !== paymentId)
    .slice(-9);
  writeJson(store, ATTEMPTS, Object.fromEntries([...kept, [paymentId, attempt]]));
}

export function attemptOf(store: KeyValueStore, paymentId: string): Attempt | null {
  return readJson<Record<string, Attempt>>(store, ATTEMPTS, {})[paymentId] ?? null;
}

/**
 * The pay page again for a payment that did not go through: the same selection, amounts and
 * (for "Try again") method; `retry` tells the page to start a new attempt. Without a record of the
 * attempt (another tab), its invoices and amounts as the payment lists them.
 */
export function retryPath(
  store: KeyValueStore,
  payment: { id: string; allocations: { invoiceId: string; amount: number }[] },
  sameMethod: boolean,
  currency: string,
  locale: string,
): string {
  const attempt = attemptOf(store, payment.id);
  if (attempt) {
    const url = new URL(attempt.path, 'http://saldo.invalid');
    url.searchParams.set('retry', payment.id);
    url.searchParams.set('step', sameMethod ? 'review' : 'method');
    if (!sameMethod) for (const name of ['pm', 'method', 'kind']) url.searchParams.delete(name);
    const previous = loadFlow(store, attempt.selection);
    saveFlow(store, attempt.selection, { ...previous, texts: { ...previous.texts, ...attempt.texts } });
    return `${url.pathname}?${url.searchParams.toString().replaceAll('%2C', ',')}`;
  }
  const selection: Selection = { kind: 'ids', ids: payment.allocations.map((a) => a.invoiceId) };
  const key = selectionKey(selection);
  saveFlow(store, key, {
    ...loadFlow(store, key),
    texts: Object.fromEntries(
      payment.allocations.map((a) => [a.invoiceId, minorToInput(a.amount, currency, locale)]),
    ),
  });
  return payPath(selection, { currency, step: 'method', retry: payment.id });
}

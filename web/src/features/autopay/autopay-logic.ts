import { minorToInput, parseMoneyInput } from '../../app/money-input.ts';
import { wireAmount } from '../portal-pay/pay-logic.ts';
import type { SavedMethod } from '../portal-pay/portal-pay.types.ts';
import type {
  AutopayCharge,
  AutopayScope,
  AutopayState,
  AutopayTiming,
  EnrollBody,
  Enrollment,
} from './autopay.types.ts';

/*
 * Autopay's rules form without React: what is typed, checked as the API checks it (days before
 * 1..30, a maximum per charge above zero in the currency's own decimals), and the body sent.
 */

export const MIN_DAYS_BEFORE = 1;
export const MAX_DAYS_BEFORE = 30;
const DEFAULT_DAYS_BEFORE = 3;

export interface RulesForm {
  methodId: string | null;
  timing: AutopayTiming;
  /** As typed. */
  daysBefore: string;
  scope: AutopayScope;
  /** Whether each charge has a maximum; `maxText` is the amount as typed. */
  limited: boolean;
  maxText: string;
}

export type RulesError =
  | 'chooseMethod'
  | 'daysBeforeRange'
  | 'maxEmpty'
  | 'maxInvalid'
  | 'maxTooManyDecimals'
  | 'maxTooLarge'
  | 'maxNotPositive';

export interface RulesErrors {
  method?: RulesError;
  daysBefore?: RulesError;
  maxPerCharge?: RulesError;
}

export type RulesCheck =
  | {
      ok: true;
      rules: Omit<EnrollBody, 'authorizationAccepted' | 'authorizationText'>;
      maxMinor: bigint | null;
    }
  | { ok: false; errors: RulesErrors };

/** The enrollment that counts: the newest one not cancelled (the API answers it, or a cancelled one). */
export function liveEnrollment(enrollment: Enrollment | null | undefined): Enrollment | null {
  return enrollment && enrollment.status !== 'cancelled' ? enrollment : null;
}

/** The form as it opens: the enrollment's rules when changing them, otherwise the usual choice. */
export function initialForm(
  enrollment: Enrollment | null,
  methods: readonly Pick<SavedMethod, 'id'>[],
  locale: string,
): RulesForm {
  const live = liveEnrollment(enrollment);
  if (live) {
    const current = live.paymentMethod?.id;
    const stillSaved = methods.some((method) => method.id === current);
    // A method that could not be charged again is not offered as the choice: another one is.
    const usable = stillSaved && live.pauseReason !== 'method_unusable';
    const other = methods.find((method) => method.id !== current)?.id ?? null;
    return {
      methodId: usable ? (current ?? null) : other,
      timing: live.timing,
      daysBefore: String(live.daysBefore ?? DEFAULT_DAYS_BEFORE),
      scope: live.scope,
      limited: live.maxPerCharge !== null,
      maxText: live.maxPerCharge === null ? '' : minorToInput(live.maxPerCharge, live.currency, locale),
    };
  }
  return {
    // One saved method: it is the choice.
    methodId: methods.length === 1 ? (methods[0]?.id ?? null) : null,
    timing: 'due_date',
    daysBefore: String(DEFAULT_DAYS_BEFORE),
    scope: 'all_due',
    limited: false,
    maxText: '',
  };
}

const MAX_ERRORS = {
  empty: 'maxEmpty',
  invalid: 'maxInvalid',
  tooManyDecimals: 'maxTooManyDecimals',
  tooLarge: 'maxTooLarge',
  notPositive: 'maxNotPositive',
} as const;

/** Whole days, 1..30, as typed ("3", " 12 "); anything else is refused. */
export function parseDaysBefore(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= MIN_DAYS_BEFORE && days <= MAX_DAYS_BEFORE ? days : null;
}

export function checkRules(
  form: RulesForm,
  methods: readonly Pick<SavedMethod, 'id'>[],
  currency: string,
  locale: string,
): RulesCheck {
  const errors: RulesErrors = {};
  if (!form.methodId || !methods.some((method) => method.id === form.methodId))
    errors.method = 'chooseMethod';
  const daysApply = form.scope === 'all_due' && form.timing === 'days_before';
  const days = daysApply ? parseDaysBefore(form.daysBefore) : null;
  if (daysApply && days === null) errors.daysBefore = 'daysBeforeRange';
  let maxMinor: bigint | null = null;
  if (form.limited) {
    const parsed = parseMoneyInput(form.maxText, currency, locale);
    if (parsed.ok) maxMinor = parsed.minor;
    else errors.maxPerCharge = MAX_ERRORS[parsed.reason];
  }
  if (Object.keys(errors).length > 0 || !form.methodId) return { ok: false, errors };
  return {
    ok: true,
    maxMinor,
    rules: {
      paymentMethodId: form.methodId,
      // Overdue invoices are charged the business day after their due date, whatever the timing.
      timing: form.scope === 'overdue_only' ? 'due_date' : form.timing,
      daysBefore: form.scope === 'all_due' && form.timing === 'days_before' ? days : null,
      scope: form.scope,
      maxPerCharge: maxMinor === null ? null : wireAmount(maxMinor),
    },
  };
}

/** PUT …/autopay: the rules and the exact text that was shown, accepted. */
export function enrollBody(
  rules: Omit<EnrollBody, 'authorizationAccepted' | 'authorizationText'>,
  shownText: string,
): EnrollBody {
  return { ...rules, authorizationAccepted: true, authorizationText: shownText };
}

/**
 * The currency a maximum is typed in: the enrollment's (the account's own), else the caller's —
 * the customer's currency in the console, the portal's first balance (GET …/autopay does not say).
 */
export function autopayCurrency(state: AutopayState | undefined, fallback: string): string {
  return state?.enrollment?.currency ?? state?.currency ?? fallback;
}

/**
 * The API's reason autopay is not available is a clause ("the account is on credit hold", made to
 * follow a colon in other answers); shown on its own, it reads as a sentence.
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toLocaleUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/** Portal: account admins and payers change autopay, accountants read it. Console: all but viewers. */
export function canManageAutopay(audience: 'portal' | 'console', role: string): boolean {
  return audience === 'portal'
    ? role === 'account_admin' || role === 'payer'
    : role === 'owner' || role === 'admin' || role === 'ar_agent';
}

/** An attempt's status (succeeded) or its payment's (completed): the money arrived. */
const OK_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'completed', 'refunded']);

export type ChargeTone = 'ok' | 'waiting' | 'retrying' | 'stopped' | 'skipped';

/**
 * What a charge in the history means for the payer: paid, on its way, declined but to be tried
 * again (on `nextRetryOn`), or declined for good (a hard decline, or the last soft one).
 */
export function chargeTone(charge: Pick<AutopayCharge, 'status' | 'failure' | 'nextRetryOn'>): ChargeTone {
  if (charge.status === 'skipped') return 'skipped';
  if (charge.failure || charge.status === 'failed' || charge.status === 'returned')
    return charge.nextRetryOn ? 'retrying' : 'stopped';
  if (OK_STATUSES.has(charge.status)) return 'ok';
  return 'waiting';
}

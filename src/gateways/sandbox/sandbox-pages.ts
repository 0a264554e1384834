import type { MethodKind } from '../../domain/payments/payment-gateway.ts';
import { LATE_RETURN_BUSINESS_DAYS, testBankAccounts, testCards } from './sandbox-test-numbers.ts';
import { type SandboxLocale, type SandboxText, sandboxText } from './sandbox-text.ts';

/**
 * The sandbox's server-rendered pages: plain HTML forms that post back to themselves, no script,
 * one stylesheet served beside them (sandbox.css, so Saldo's `style-src 'self'` policy holds).
 * Every value is escaped. A re-rendered form never carries back the card number, the CVC, the
 * routing number or the account number: the payer types them again.
 */

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export type FieldErrors = Record<string, string>;

export const SANDBOX_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #f4f5f7; }
main { max-width: 30rem; margin: 0 auto; padding: 1rem; }
.card { background: #fff; border: 1px solid #d0d4dc; border-radius: .5rem; padding: 1.25rem; }
.banner { margin: 0 0 1rem; padding: .75rem 1rem; border: 2px dashed #8a5a00; border-radius: .5rem; background: #fff4d6; color: #4a3000; }
.banner strong { display: block; font-size: 1.05rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
.field { margin: 0 0 1rem; }
/* Expiry and CVC side by side (stacked on a phone); their inputs line up whatever their labels' length. */
.row { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); column-gap: 1rem; }
.row > .field { display: grid; grid-template-rows: subgrid; grid-row: span 4; align-content: start; min-width: 0; }
label, legend { display: block; font-weight: 600; margin-bottom: .25rem; }
.hint { display: block; color: #4d5562; font-size: .9rem; margin: 0 0 .25rem; }
input[type="text"] { display: block; width: 100%; font: inherit; padding: .6rem .7rem; border: 1px solid #7a8394; border-radius: .375rem; background: #fff; color: inherit; }
input[aria-invalid="true"], fieldset[aria-invalid="true"] { border-color: #b3261e; border-width: 2px; }
input:focus-visible, button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #1f4fd1; outline-offset: 2px; }
fieldset { border: 1px solid #d0d4dc; border-radius: .375rem; margin: 0 0 1rem; padding: .5rem .75rem .75rem; }
.choice { display: flex; align-items: center; gap: .5rem; font-weight: 400; margin: .25rem 0; }
.choice input { width: 1.25rem; height: 1.25rem; margin: 0; }
.error { color: #b3261e; font-weight: 600; margin: .25rem 0 0; }
.summary { border: 2px solid #b3261e; border-radius: .375rem; padding: .75rem 1rem; margin: 0 0 1rem; }
.summary p { margin: 0 0 .25rem; font-weight: 600; }
.summary ul { margin: 0; padding-left: 1.25rem; }
.summary a { color: #b3261e; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem 1.25rem; margin-top: 1.25rem; }
button { font: inherit; font-weight: 600; padding: .7rem 1.25rem; border-radius: .375rem; border: 1px solid #1f4fd1; background: #1f4fd1; color: #fff; cursor: pointer; min-height: 2.75rem; }
button.secondary { background: #fff; color: #b3261e; border-color: #b3261e; }
a { color: #1f4fd1; }
details { margin-top: 1.25rem; }
summary { cursor: pointer; font-weight: 600; padding: .6rem 0; }
table { width: 100%; border-collapse: collapse; font-size: .9rem; margin-top: .5rem; }
th, td { text-align: left; padding: .35rem .25rem; border-bottom: 1px solid #e2e5ea; vertical-align: top; }
td.num { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
`;

const CSS_HREF = '../sandbox.css';

function page(locale: SandboxLocale, title: string, body: string): string {
  const text = sandboxText[locale];
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Sandbox</title>
<link rel="stylesheet" href="${CSS_HREF}">
</head>
<body>
<main>
<div class="banner" role="note"><strong>${escapeHtml(text.banner)}</strong>${escapeHtml(text.bannerNote)}</div>
<div class="card">
<h1>${escapeHtml(title)}</h1>
${body}
</div>
</main>
</body>
</html>
`;
}

interface FieldSpec {
  name: string;
  label: string;
  hint?: string;
  autocomplete: string;
  inputmode?: 'numeric' | 'text';
  maxlength: number;
  /** What to show again after an error; never given for the numbers. */
  value?: string;
}

function textField(spec: FieldSpec, errors: FieldErrors, firstError: string | undefined): string {
  const error = errors[spec.name];
  const describedBy = [spec.hint ? `${spec.name}-hint` : null, error ? `${spec.name}-error` : null]
    .filter(Boolean)
    .join(' ');
  return `<div class="field">
<label for="${spec.name}">${escapeHtml(spec.label)}</label>
${spec.hint ? `<span class="hint" id="${spec.name}-hint">${escapeHtml(spec.hint)}</span>` : ''}
<input type="text" id="${spec.name}" name="${spec.name}" autocomplete="${spec.autocomplete}"${
    spec.inputmode ? ` inputmode="${spec.inputmode}"` : ''
  } maxlength="${spec.maxlength}" required spellcheck="false" value="${escapeHtml(spec.value ?? '')}"${
    describedBy ? ` aria-describedby="${describedBy}"` : ''
  }${error ? ' aria-invalid="true"' : ''}${firstError === spec.name ? ' autofocus' : ''}>
${error ? `<p class="error" id="${spec.name}-error">${escapeHtml(error)}</p>` : ''}
</div>`;
}

function errorSummary(text: SandboxText, errors: FieldErrors, order: string[]): string {
  const fields = order.filter((f) => errors[f]);
  if (fields.length === 0) return '';
  // Without script the first invalid field takes focus (autofocus); the summary is announced.
  return `<div class="summary" role="alert">
<p>${escapeHtml(text.errorSummary)}</p>
<ul>${fields.map((f) => `<li><a href="#${f}">${escapeHtml(errors[f]!)}</a></li>`).join('')}</ul>
</div>`;
}

function testNumbersTable(text: SandboxText, kind: MethodKind): string {
  const rows =
    kind === 'card'
      ? testCards.map((c) => [c.number, text.behaviours[c.behaviour]] as const)
      : testBankAccounts.map(
          (a) =>
            [
              a.account,
              a.returnsAfterSettling
                ? text.settlesThenReturned
                    .replace('{code}', a.returnsAfterSettling)
                    .replace('{days}', String(LATE_RETURN_BUSINESS_DAYS))
                : text.behaviours[a.behaviour],
            ] as const,
        );
  return `<details>
<summary>${escapeHtml(text.testNumbers)}</summary>
<p>${escapeHtml(kind === 'card' ? text.cardNote : text.bankNote)}</p>
<table>
<thead><tr><th scope="col">${escapeHtml(text.testNumber)}</th><th scope="col">${escapeHtml(text.testResult)}</th></tr></thead>
<tbody>
${rows.map(([n, r]) => `<tr><td class="num">${n}</td><td>${escapeHtml(r)}</td></tr>`).join('\n')}
</tbody>
</table>
<p>${escapeHtml(kind === 'card' ? text.otherCards : text.otherAccounts)}</p>
</details>`;
}

export const cardFields = ['number', 'expiry', 'cvc', 'name', 'postalCode'] as const;
export const bankFields = ['holderName', 'routing', 'account', 'accountType'] as const;

export interface EntryPageView {
  locale: SandboxLocale;
  kind: MethodKind;
  cancelUrl: string;
  /** The fields that may be shown again (names, expiry, postal code, account type). */
  values: Record<string, string>;
  errors: FieldErrors;
}

export function renderEntryPage(view: EntryPageView): string {
  const text = sandboxText[view.locale];
  const { errors, values } = view;
  const order: string[] = view.kind === 'card' ? [...cardFields] : [...bankFields];
  const firstError = order.find((f) => errors[f]);
  const fields =
    view.kind === 'card'
      ? [
          textField(
            {
              name: 'number',
              label: text.number,
              autocomplete: 'cc-number',
              inputmode: 'numeric',
              maxlength: 23,
            },
            errors,
            firstError,
          ),
          `<div class="row">`,
          textField(
            {
              name: 'expiry',
              label: text.expiry,
              hint: text.expiryHint,
              autocomplete: 'cc-exp',
              inputmode: 'numeric',
              maxlength: 7,
              value: values.expiry,
            },
            errors,
            firstError,
          ),
          textField(
            {
              name: 'cvc',
              label: text.cvc,
              hint: text.cvcHint,
              autocomplete: 'cc-csc',
              inputmode: 'numeric',
              maxlength: 4,
            },
            errors,
            firstError,
          ),
          `</div>`,
          textField(
            {
              name: 'name',
              label: text.cardName,
              autocomplete: 'cc-name',
              maxlength: 100,
              value: values.name,
            },
            errors,
            firstError,
          ),
          textField(
            {
              name: 'postalCode',
              label: text.postalCode,
              autocomplete: 'postal-code',
              maxlength: 10,
              value: values.postalCode,
            },
            errors,
            firstError,
          ),
        ].join('\n')
      : [
          textField(
            {
              name: 'holderName',
              label: text.holderName,
              autocomplete: 'name',
              maxlength: 100,
              value: values.holderName,
            },
            errors,
            firstError,
          ),
          textField(
            { name: 'routing', label: text.routing, autocomplete: 'off', inputmode: 'numeric', maxlength: 9 },
            errors,
            firstError,
          ),
          textField(
            {
              name: 'account',
              label: text.account,
              autocomplete: 'off',
              inputmode: 'numeric',
              maxlength: 17,
            },
            errors,
            firstError,
          ),
          accountTypeField(
            text,
            values.accountType ?? 'checking',
            errors.accountType,
            firstError === 'accountType',
          ),
        ].join('\n');
  const title = view.kind === 'card' ? text.cardTitle : text.bankTitle;
  const body = `${errorSummary(text, errors, order)}
<form method="post" novalidate>
${fields}
<div class="actions">
<button type="submit">${escapeHtml(view.kind === 'card' ? text.saveCard : text.saveBank)}</button>
<a href="${escapeHtml(view.cancelUrl)}">${escapeHtml(text.cancel)}</a>
</div>
</form>
${testNumbersTable(text, view.kind)}`;
  return page(view.locale, title, body);
}

function accountTypeField(
  text: SandboxText,
  value: string,
  error: string | undefined,
  focus: boolean,
): string {
  const option = (type: 'checking' | 'savings', label: string, first: boolean) =>
    `<label class="choice"><input type="radio" name="accountType" value="${type}"${
      value === type ? ' checked' : ''
    }${first && focus ? ' autofocus' : ''}> ${escapeHtml(label)}</label>`;
  return `<fieldset${error ? ' aria-invalid="true" aria-describedby="accountType-error"' : ''} id="accountType">
<legend>${escapeHtml(text.accountType)}</legend>
${option('checking', text.checking, true)}
${option('savings', text.savings, false)}
${error ? `<p class="error" id="accountType-error">${escapeHtml(error)}</p>` : ''}
</fieldset>`;
}

/** A page that only says something (expired session, unknown page, a finished 3-D Secure step). */
export function renderMessagePage(locale: SandboxLocale, title: string, body: string): string {
  return page(locale, title, `<p>${escapeHtml(body)}</p>`);
}

export function renderAuthenticatePage(locale: SandboxLocale, amountText: string): string {
  const text = sandboxText[locale];
  const body = `<p>${escapeHtml(text.authBody.replace('{amount}', amountText))}</p>
<p class="hint">${escapeHtml(text.authNote)}</p>
<form method="post">
<div class="actions">
<button type="submit" name="outcome" value="approve">${escapeHtml(text.approve)}</button>
<button type="submit" name="outcome" value="fail" class="secondary">${escapeHtml(text.fail)}</button>
</div>
</form>`;
  return page(locale, text.authTitle, body);
}

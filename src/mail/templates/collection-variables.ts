import type { Locale } from '../../db/schema.ts';
import type { MailTemplateData } from '../../domain/mail/mail-port.ts';
import { formatAmount, formatCalendarDate } from '../../domain/money/format.ts';
import { formatDays } from './durations.ts';

/**
 * The variables of the weekly collection e-mail and the statement e-mail: amounts and dates as
 * the recipient's language writes them in the seller's country (es-MX, en-US).
 */
type Vars = Record<string, string | number | boolean | Record<string, string | number>[]>;

function intlOf(locale: Locale, country: string): string {
  return country === 'MX' || country === 'US' ? `${locale}-${country}` : locale;
}

function link(url: string | null): string {
  return url && /^https?:\/\//i.test(url) ? url : '';
}

export function weeklyCollectionVariables(locale: Locale, data: MailTemplateData['weekly_collection']): Vars {
  const intl = intlOf(locale, data.country);
  const money = (minor: bigint) => formatAmount(minor, data.currency, intl);
  let total = 0n;
  let overdue = 0n;
  const documents = data.documents.map((d) => {
    total += d.amountDue;
    if (d.daysOverdue > 0) overdue += d.amountDue;
    return {
      number: d.number,
      issue_date: formatCalendarDate(d.issueDate, intl),
      due_date: formatCalendarDate(d.dueDate, intl),
      amount_due: money(d.amountDue),
      days_overdue: String(Math.max(0, d.daysOverdue)),
    };
  });
  return {
    name: data.name.trim(),
    org_name: data.orgName,
    account_name: data.accountName,
    documents,
    document_count: String(documents.length),
    total_due: money(total),
    overdue_total: money(overdue),
    url: link(data.url),
    expires_in: formatDays(locale, data.expiresInDays),
  };
}

export function statementVariables(locale: Locale, data: MailTemplateData['statement']): Vars {
  const intl = intlOf(locale, data.country);
  const money = (minor: bigint) => formatAmount(minor, data.currency, intl);
  return {
    name: data.name.trim(),
    org_name: data.orgName,
    account_name: data.accountName,
    period: `${formatCalendarDate(data.periodStart, intl)} – ${formatCalendarDate(data.periodEnd, intl)}`,
    opening_balance: money(data.openingBalance),
    closing_balance: money(data.closingBalance),
    url: link(data.url),
  };
}

const common = {
  name: 'Ana López',
  orgName: 'Distribuidora del Valle',
  accountName: 'Restaurante La Esquina',
  country: 'MX',
  currency: 'MXN',
};

export const collectionSampleData: {
  weekly_collection: MailTemplateData['weekly_collection'];
  statement: MailTemplateData['statement'];
} = {
  weekly_collection: {
    ...common,
    documents: [
      {
        number: 'F-1042',
        issueDate: '2026-08-01',
        dueDate: '2026-08-31',
        amountDue: 1_000_000n,
        daysOverdue: 12,
      },
      {
        number: 'F-1057',
        issueDate: '2026-09-01',
        dueDate: '2026-10-01',
        amountDue: 250_000n,
        daysOverdue: 0,
      },
    ],
    url: 'https://saldo.example/pay/sample',
    expiresInDays: 7,
  },
  statement: {
    ...common,
    periodStart: '2026-08-01',
    periodEnd: '2026-08-31',
    openingBalance: 500_000n,
    closingBalance: 1_250_000n,
    url: 'https://saldo.example/pay/sample',
  },
};

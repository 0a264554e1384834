import type { AgingBuckets, AgingReconciliation } from '../domain/reports/aging-report.ts';
import { BUCKET_KEYS } from '../domain/reports/aging-report.ts';

/**
 * The aging report's columns as the spreadsheet exports write them (csv/aging-csv.ts,
 * xlsx/aging-xlsx.ts), over the report the domain builds (domain/reports/aging-report.ts: plain
 * data, amounts in minor units). Amounts are in major units, exactly (toMajorString: "1234.56",
 * never a float rounding), one row per customer and currency, and a total row per currency; each
 * row reconciles (total − unapplied cash − unapplied credits = balance). Header labels follow the
 * caller's language.
 */
export type ExportLocale = 'es' | 'en';

export const agingLabels = {
  es: {
    accountNumber: 'Número de cuenta',
    customer: 'Cliente',
    currency: 'Moneda',
    current: 'Al corriente',
    d1_30: '1–30',
    d31_60: '31–60',
    d61_90: '61–90',
    d90_plus: '90+',
    total: 'Total',
    unappliedCash: 'Cobros sin aplicar',
    unappliedCredits: 'Notas de crédito sin aplicar',
    balance: 'Saldo',
    totalRow: 'Total',
    sheet: 'Antigüedad',
    title: 'Antigüedad de saldos al {asOf}',
  },
  en: {
    accountNumber: 'Account number',
    customer: 'Customer',
    currency: 'Currency',
    current: 'Current',
    d1_30: '1–30',
    d31_60: '31–60',
    d61_90: '61–90',
    d90_plus: '90+',
    total: 'Total',
    unappliedCash: 'Unapplied cash',
    unappliedCredits: 'Unapplied credits',
    balance: 'Balance',
    totalRow: 'Total',
    sheet: 'Aging',
    title: 'Aging report as of {asOf}',
  },
} as const;

export function agingHeader(locale: ExportLocale): string[] {
  const l = agingLabels[locale];
  return [
    l.accountNumber,
    l.customer,
    l.currency,
    ...BUCKET_KEYS.map((k) => l[k]),
    l.total,
    l.unappliedCash,
    l.unappliedCredits,
    l.balance,
  ];
}

/** The amount columns of a row: the five buckets, total, unapplied cash, unapplied credits, balance. */
export function amountsOf(row: { buckets: AgingBuckets } & AgingReconciliation): bigint[] {
  return [
    ...BUCKET_KEYS.map((k) => row.buckets[k]),
    row.total,
    row.unappliedCash,
    row.unappliedCredits,
    row.balance,
  ];
}

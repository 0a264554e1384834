import type { Database } from '../../db/client.ts';
import { MINOR_UNIT_EXPONENTS } from '../money/exponents.ts';
import { importField, importFields } from './import-fields.ts';
import type { ImportKind, ImportRow, ImportSettings } from './import-types.ts';
import { parseImportValue } from './imports/parse-import-value.ts';

/**
 * The preview's check of an amount against its currency, before anything is committed: the import
 * refuses "12.345" for USD (2 decimals; the kinds' `too_many_decimals` / `too_precise`), so the
 * preview flags it on the cell. An amount's currency is what the import would take: the row's own
 * currency column, else its customer's currency (by ERP id, then account number), else the
 * seller's default currency.
 */
export interface PrecisionProblem {
  code: 'too_many_decimals';
  params: { digits: number };
}

/** The problem of an amount's value (a parsed decimal, e.g. "12.345") in a currency, or null. */
export function amountPrecisionProblem(value: string, currency: string): PrecisionProblem | null {
  const digits = MINOR_UNIT_EXPONENTS[currency] ?? 2;
  const fraction = (value.split('.')[1] ?? '').replace(/0+$/, '');
  return fraction.length > digits ? { code: 'too_many_decimals', params: { digits } } : null;
}

/** The currency each preview row's amounts are in, in the rows' order. */
export async function previewRowCurrencies(
  deps: { db: Database },
  input: { orgId: string; kind: ImportKind; settings: ImportSettings; header: string[]; rows: ImportRow[] },
): Promise<string[]> {
  const { kind, settings, header, rows } = input;
  const cellOf = (row: ImportRow, fieldName: string) => {
    const field = importField(kind, fieldName);
    const column = settings.mapping[fieldName];
    const index = column === undefined ? -1 : header.indexOf(column);
    if (!field || index < 0) return null;
    const parsed = parseImportValue(field, row.cells[index] ?? null, settings);
    return parsed.ok ? parsed.value : null;
  };
  const has = (name: string) => importFields[kind].some((f) => f.name === name);
  const own = rows.map((row) => (has('currency') ? cellOf(row, 'currency') : null));
  const refs = rows.map((row) => (has('customer_erp_id') ? cellOf(row, 'customer_erp_id') : null));
  const wanted = [...new Set(refs.filter((r, i): r is string => r !== null && own[i] === null))];
  const byErpId = new Map<string, string>();
  const byAccount = new Map<string, string>();
  if (wanted.length) {
    const customers = await deps.db
      .selectFrom('customer_accounts')
      .select(['erp_id', 'account_number', 'currency'])
      .where('org_id', '=', input.orgId)
      .where((eb) => eb.or([eb('erp_id', 'in', wanted), eb('account_number', 'in', wanted)]))
      .execute();
    for (const c of customers) {
      if (c.erp_id) byErpId.set(c.erp_id, c.currency.trim());
      byAccount.set(c.account_number, c.currency.trim());
    }
  }
  const org = await deps.db
    .selectFrom('organizations')
    .select('default_currency')
    .where('id', '=', input.orgId)
    .executeTakeFirst();
  const fallback = org?.default_currency.trim() ?? 'USD';
  return rows.map((_, i) => {
    const ref = refs[i];
    return own[i] ?? (ref ? (byErpId.get(ref) ?? byAccount.get(ref)) : undefined) ?? fallback;
  });
}

import { AppError } from '../errors.ts';
import { currencyExponent } from '../money/currency.ts';
import { assertSafeAmount, divRoundHalfUp, formatDecimal, parseDecimal } from '../money/money.ts';

/** Quantities carry up to 4 decimals, unit prices up to 6, tax rates up to 4 (in percent). */
const QTY_SCALE = 4;
const PRICE_SCALE = 6;
const RATE_SCALE = 4;

export interface InvoiceLineInput {
  sku?: string | null;
  description: string;
  /** Decimal string, e.g. "12.5" */
  quantity: string;
  unit?: string | null;
  /** Decimal string in major units, e.g. "18.75" or "0.125" */
  unitPrice: string;
  /** Minor units taken off the line. */
  discountAmount?: bigint;
  taxes?: { name: string; rate?: string | null; amount?: bigint | null }[];
}

export interface ChargeInput {
  kind: 'fee' | 'tax';
  name: string;
  rate?: string | null;
  /** Minor units; for a tax given only as a rate, computed on the subtotal. */
  amount?: bigint | null;
}

export interface ComputedLine {
  lineNo: number;
  sku: string | null;
  description: string;
  quantity: string;
  unit: string | null;
  unitPrice: string;
  discountAmount: bigint;
  netAmount: bigint;
  taxes: { seq: number; name: string; rate: string | null; amount: bigint }[];
  taxAmount: bigint;
  totalAmount: bigint;
}

export interface ComputedInvoice {
  lines: ComputedLine[];
  charges: { seq: number; kind: 'fee' | 'tax'; name: string; rate: string | null; amount: bigint }[];
  subtotal: bigint;
  discountTotal: bigint;
  taxTotal: bigint;
  feeTotal: bigint;
  total: bigint;
}

const fieldError = (field: string, code = 'invalid', params?: Record<string, string | number>) =>
  new AppError('validation_failed', {}, [{ field, code, ...(params ? { params } : {}) }]);

function decimal(text: string, scale: number, field: string): bigint {
  const value = parseDecimal(text, scale);
  if (value === null) throw fieldError(field, 'too_precise', { digits: scale });
  return value;
}

/** Tax on a base at a rate in percent, half-up to the minor unit. */
export function taxOn(base: bigint, rate: string, field = 'rate'): bigint {
  const r = decimal(rate, RATE_SCALE, field);
  return divRoundHalfUp(base * r, 100n * 10n ** BigInt(RATE_SCALE));
}

/**
 * Computes every amount of an invoice from its lines, exactly. The one rounding rule: each
 * line's net (quantity × unit price − discount) is rounded half-up to the minor unit, and each
 * line tax is rounded half-up on that net — unless the ERP sends the tax amount, which is then
 * taken as given. Document-level taxes given only as a rate apply to the subtotal.
 *
 * Every amount it computes — each line's net, taxes and total, each charge, the subtotal, the tax
 * and fee totals and the total — is held to ±10^15 minor units (money.ts), and a refusal names
 * the field that went over (`lines.2.unitPrice`, `lines.0.totalAmount`, `charges.1.amount`, `total`).
 */
export function computeInvoice(
  currency: string,
  lines: InvoiceLineInput[],
  charges: ChargeInput[] = [],
): ComputedInvoice {
  if (lines.length === 0) throw fieldError('lines', 'required');
  const exponent = BigInt(currencyExponent(currency));
  const computed = lines.map((line, i): ComputedLine => {
    const quantity = decimal(line.quantity, QTY_SCALE, `lines.${i}.quantity`);
    const price = decimal(line.unitPrice, PRICE_SCALE, `lines.${i}.unitPrice`);
    if (quantity <= 0n) throw fieldError(`lines.${i}.quantity`, 'minimum', { limit: 0 });
    if (price < 0n) throw fieldError(`lines.${i}.unitPrice`, 'minimum', { limit: 0 });
    const gross = assertSafeAmount(
      divRoundHalfUp(quantity * price * 10n ** exponent, 10n ** BigInt(QTY_SCALE + PRICE_SCALE)),
      `lines.${i}.unitPrice`,
    );
    const discountAmount = line.discountAmount ?? 0n;
    if (discountAmount < 0n || discountAmount > gross)
      throw fieldError(`lines.${i}.discountAmount`, 'invalid');
    const netAmount = gross - discountAmount;
    const taxes = (line.taxes ?? []).map((tax, seq) => {
      const amount =
        tax.amount ?? (tax.rate != null ? taxOn(netAmount, tax.rate, `lines.${i}.taxes.${seq}.rate`) : null);
      if (amount === null) throw fieldError(`lines.${i}.taxes.${seq}`, 'required');
      assertSafeAmount(amount, `lines.${i}.taxes.${seq}.${tax.amount != null ? 'amount' : 'rate'}`);
      return { seq: seq + 1, name: tax.name, rate: tax.rate ?? null, amount };
    });
    const taxAmount = assertSafeAmount(
      taxes.reduce((s, t) => s + t.amount, 0n),
      `lines.${i}.taxAmount`,
    );
    return {
      lineNo: i + 1,
      sku: line.sku ?? null,
      description: line.description,
      quantity: formatDecimal(quantity, QTY_SCALE),
      unit: line.unit ?? null,
      unitPrice: formatDecimal(price, PRICE_SCALE),
      discountAmount,
      netAmount,
      taxes,
      taxAmount,
      totalAmount: assertSafeAmount(netAmount + taxAmount, `lines.${i}.totalAmount`),
    };
  });
  const subtotal = assertSafeAmount(
    computed.reduce((s, l) => s + l.netAmount, 0n),
    'subtotal',
  );
  const computedCharges = charges.map((charge, i) => {
    const amount =
      charge.amount ?? (charge.rate != null ? taxOn(subtotal, charge.rate, `charges.${i}.rate`) : null);
    if (amount === null) throw fieldError(`charges.${i}.amount`, 'required');
    if (amount < 0n) throw fieldError(`charges.${i}.amount`, 'minimum', { limit: 0 });
    assertSafeAmount(amount, `charges.${i}.${charge.amount != null ? 'amount' : 'rate'}`);
    return { seq: i + 1, kind: charge.kind, name: charge.name, rate: charge.rate ?? null, amount };
  });
  const lineTax = computed.reduce((s, l) => s + l.taxAmount, 0n);
  const docTax = computedCharges.filter((c) => c.kind === 'tax').reduce((s, c) => s + c.amount, 0n);
  const feeTotal = computedCharges.filter((c) => c.kind === 'fee').reduce((s, c) => s + c.amount, 0n);
  const taxTotal = assertSafeAmount(lineTax + docTax, 'taxTotal');
  return {
    lines: computed,
    charges: computedCharges,
    subtotal,
    discountTotal: computed.reduce((s, l) => s + l.discountAmount, 0n),
    taxTotal,
    feeTotal: assertSafeAmount(feeTotal, 'feeTotal'),
    total: assertSafeAmount(subtotal + taxTotal + feeTotal, 'total'),
  };
}

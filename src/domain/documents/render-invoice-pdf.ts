import type { Kysely } from 'kysely';
import type { DB, InvoiceStatus, Locale, PaymentMethod } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { computeInvoice, type InvoiceLineInput } from '../invoices/compute-invoice.ts';
import { type DocumentSettings, type DocumentTemplate, loadDocumentTemplate } from './document-template.ts';
import { labelsFor, methodKey } from './labels.ts';
import {
  type Column,
  DocumentLayout,
  type Party,
  type Row,
  type Seller,
  STAMP_COLORS,
  type TotalRow,
  toAddress,
} from './pdf-layout.ts';
import { loadSeller } from './seller.ts';

/** Everything an invoice PDF prints, as loaded from the database (or made up for the settings preview). */
export interface InvoiceDocument {
  number: string;
  status: InvoiceStatus;
  issueDate: string;
  dueDate: string;
  currency: string;
  poNumber: string | null;
  notes: string | null;
  voidReason: string | null;
  subtotal: bigint;
  taxTotal: bigint;
  feeTotal: bigint;
  total: bigint;
  openAmount: bigint;
  createdAt: Date;
  locale: Locale;
  customer: Party;
  lines: {
    sku: string | null;
    description: string;
    quantity: string;
    unit: string | null;
    unitPrice: string;
    discountAmount: bigint;
    netAmount: bigint;
    taxAmount: bigint;
    taxes: { name: string; rate: string | null; amount: bigint }[];
  }[];
  charges: { kind: 'fee' | 'tax'; name: string; rate: string | null; amount: bigint }[];
  payments: { number: string; receivedOn: string; method: PaymentMethod; amount: bigint }[];
  credits: { number: string; issueDate: string; amount: bigint }[];
}

/**
 * Loads an invoice of the seller with its lines, taxes, fees and live payment and credit
 * applications. With `customerId` (the portal) only that account's invoices, and never drafts.
 */
export async function loadInvoiceDocument(
  db: Kysely<DB>,
  input: { orgId: string; invoiceId: string; customerId?: string },
): Promise<InvoiceDocument | null> {
  let query = db
    .selectFrom('invoices as i')
    .innerJoin('customer_accounts as c', (j) =>
      j.onRef('c.org_id', '=', 'i.org_id').onRef('c.id', '=', 'i.customer_id'),
    )
    .select([
      'i.number',
      'i.status',
      'i.issue_date',
      'i.due_date',
      'i.currency',
      'i.po_number',
      'i.notes',
      'i.void_reason',
      'i.subtotal',
      'i.tax_total',
      'i.fee_total',
      'i.total',
      'i.open_amount',
      'i.posted_at',
      'i.created_at',
      'c.name as customer_name',
      'c.account_number',
      'c.tax_id as customer_tax_id',
      'c.billing_address',
      'c.locale',
    ])
    .where('i.org_id', '=', input.orgId)
    .where('i.id', '=', input.invoiceId);
  if (input.customerId)
    query = query.where('i.customer_id', '=', input.customerId).where('i.status', '<>', 'draft');
  const invoice = await query.executeTakeFirst();
  if (!invoice) return null;

  const key = { org: input.orgId, invoice: input.invoiceId };
  const [lines, taxes, charges, payments, credits] = await Promise.all([
    db
      .selectFrom('invoice_lines')
      .selectAll()
      .where('org_id', '=', key.org)
      .where('invoice_id', '=', key.invoice)
      .orderBy('line_no')
      .execute(),
    db
      .selectFrom('invoice_line_taxes')
      .selectAll()
      .where('org_id', '=', key.org)
      .where('invoice_id', '=', key.invoice)
      .orderBy('line_no')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('invoice_charges')
      .selectAll()
      .where('org_id', '=', key.org)
      .where('invoice_id', '=', key.invoice)
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('payment_applications as a')
      .innerJoin('payments as p', (j) =>
        j.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.payment_id'),
      )
      .select(['p.number', 'p.received_on', 'p.method', 'a.amount'])
      .where('a.org_id', '=', key.org)
      .where('a.invoice_id', '=', key.invoice)
      .where('a.unapplied_at', 'is', null)
      .orderBy('p.received_on')
      .orderBy('a.created_at')
      .execute(),
    db
      .selectFrom('credit_applications as a')
      .innerJoin('credit_memos as m', (j) =>
        j.onRef('m.org_id', '=', 'a.org_id').onRef('m.id', '=', 'a.credit_memo_id'),
      )
      .select(['m.number', 'm.issue_date', 'a.amount'])
      .where('a.org_id', '=', key.org)
      .where('a.invoice_id', '=', key.invoice)
      .where('a.unapplied_at', 'is', null)
      .orderBy('m.issue_date')
      .orderBy('a.created_at')
      .execute(),
  ]);

  return {
    number: invoice.number,
    status: invoice.status,
    issueDate: invoice.issue_date,
    dueDate: invoice.due_date,
    currency: invoice.currency,
    poNumber: invoice.po_number,
    notes: invoice.notes,
    voidReason: invoice.void_reason,
    subtotal: invoice.subtotal,
    taxTotal: invoice.tax_total,
    feeTotal: invoice.fee_total,
    total: invoice.total,
    openAmount: invoice.open_amount,
    createdAt: invoice.posted_at ?? invoice.created_at,
    locale: invoice.locale,
    customer: {
      name: invoice.customer_name,
      accountNumber: invoice.account_number,
      taxId: invoice.customer_tax_id,
      address: toAddress(invoice.billing_address),
    },
    lines: lines.map((l) => ({
      sku: l.sku,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unit_price,
      discountAmount: l.discount_amount,
      netAmount: l.net_amount,
      taxAmount: l.tax_amount,
      taxes: taxes
        .filter((t) => t.line_no === l.line_no)
        .map((t) => ({ name: t.name, rate: t.rate, amount: t.amount })),
    })),
    charges: charges.map((c) => ({ kind: c.kind, name: c.name, rate: c.rate, amount: c.amount })),
    payments: payments.map((p) => ({
      number: p.number,
      receivedOn: p.received_on,
      method: p.method,
      amount: p.amount,
    })),
    credits: credits.map((c) => ({ number: c.number, issueDate: c.issue_date, amount: c.amount })),
  };
}

/** Draws an invoice in its customer's language with the seller's template. */
export async function drawInvoice(
  invoice: InvoiceDocument,
  seller: Seller,
  template: DocumentTemplate,
  options: { sample?: boolean } = {},
): Promise<Buffer> {
  const layout = new DocumentLayout({
    template,
    seller,
    lang: invoice.locale,
    currency: invoice.currency,
    title: labelsFor(invoice.locale)('invoice'),
    number: invoice.number,
    createdAt: invoice.createdAt,
  });
  const { t } = layout;
  const paid = invoice.payments.reduce((s, p) => s + p.amount, 0n);
  const credited = invoice.credits.reduce((s, c) => s + c.amount, 0n);
  const isPaid = invoice.status === 'open' && invoice.openAmount === 0n;

  const stamp = options.sample
    ? { text: t('sample'), color: STAMP_COLORS.draft }
    : invoice.status === 'void'
      ? { text: t('void'), color: STAMP_COLORS.void }
      : invoice.status === 'draft'
        ? { text: t('draft'), color: STAMP_COLORS.draft }
        : isPaid
          ? { text: t('paidInFull'), color: STAMP_COLORS.paid }
          : null;
  layout.header(stamp);

  const details: [string, string][] = [
    [t('issueDate'), layout.date(invoice.issueDate)],
    [t('dueDate'), layout.date(invoice.dueDate)],
  ];
  if (template.showPoNumber && invoice.poNumber) details.push([t('poNumber'), invoice.poNumber]);
  details.push([t('currency'), invoice.currency]);
  layout.parties({ heading: t('billTo'), value: invoice.customer }, details);

  if (invoice.status === 'void') layout.band(t('total'), layout.money(invoice.total), t('void'));
  else if (isPaid) layout.band(t('total'), layout.money(invoice.total), t('paidInFull'));
  else
    layout.band(
      t('amountDue'),
      layout.money(invoice.openAmount),
      t(invoice.dueDate < layout.today() ? 'wasDueOn' : 'dueOn', { date: layout.date(invoice.dueDate) }),
    );

  const showSku = template.showSku && invoice.lines.some((l) => l.sku);
  const showUnit = template.showUnit && invoice.lines.some((l) => l.unit);
  const showDiscount = template.showDiscount && invoice.lines.some((l) => l.discountAmount > 0n);
  const showTax = template.showTaxDetail && invoice.lines.some((l) => l.taxAmount !== 0n);
  const columns: Column[] = [
    ...(showSku ? [{ key: 'sku', label: t('sku'), maxWidth: 90 }] : []),
    { key: 'description', label: t('description'), flex: true },
    { key: 'quantity', label: t('quantity'), align: 'right' as const },
    ...(showUnit ? [{ key: 'unit', label: t('unit'), maxWidth: 60 }] : []),
    { key: 'unitPrice', label: t('unitPrice'), align: 'right' as const },
    ...(showDiscount ? [{ key: 'discount', label: t('discount'), align: 'right' as const }] : []),
    ...(showTax ? [{ key: 'tax', label: t('tax'), align: 'right' as const }] : []),
    { key: 'amount', label: t('amount'), align: 'right' as const },
  ];
  const rows: Row[] = invoice.lines.map((line) => ({
    cells: {
      sku: line.sku ?? '',
      description: line.description,
      quantity: layout.quantity(line.quantity),
      unit: line.unit ?? '',
      unitPrice: layout.unitPrice(line.unitPrice),
      discount: line.discountAmount > 0n ? layout.money(-line.discountAmount) : '',
      tax: line.taxAmount !== 0n ? layout.money(line.taxAmount) : '',
      amount: layout.money(line.netAmount),
    },
    ...(showTax && line.taxes.length > 1
      ? {
          sub: [
            line.taxes
              .map(
                (tax) =>
                  `${tax.name}${tax.rate ? ` ${layout.rate(tax.rate)}` : ''}: ${layout.money(tax.amount)}`,
              )
              .join(' · '),
          ],
        }
      : {}),
  }));
  layout.table(columns, rows);

  const totals: TotalRow[] = [{ label: t('subtotal'), value: layout.money(invoice.subtotal) }];
  const docTaxes = invoice.charges.filter((c) => c.kind === 'tax');
  if (template.showTaxDetail) {
    const groups = new Map<string, { label: string; amount: bigint }>();
    for (const line of invoice.lines)
      for (const tax of line.taxes) {
        const label = `${tax.name}${tax.rate ? ` ${layout.rate(tax.rate)}` : ''}`;
        const group = groups.get(label) ?? { label, amount: 0n };
        group.amount += tax.amount;
        groups.set(label, group);
      }
    for (const group of groups.values())
      totals.push({ label: group.label, value: layout.money(group.amount) });
    for (const tax of docTaxes)
      totals.push({
        label: `${tax.name}${tax.rate ? ` ${layout.rate(tax.rate)}` : ''}`,
        value: layout.money(tax.amount),
      });
  } else if (invoice.taxTotal !== 0n) {
    totals.push({ label: t('taxes'), value: layout.money(invoice.taxTotal) });
  }
  for (const fee of invoice.charges.filter((c) => c.kind === 'fee'))
    totals.push({
      label: `${fee.name}${fee.rate ? ` ${layout.rate(fee.rate)}` : ''}`,
      value: layout.money(fee.amount),
    });
  totals.push({ label: t('total'), value: layout.money(invoice.total), style: 'strong', ruleAbove: true });
  if (invoice.status !== 'void') {
    if (paid > 0n) totals.push({ label: t('paid'), value: layout.money(-paid), style: 'muted' });
    if (credited > 0n) totals.push({ label: t('credited'), value: layout.money(-credited), style: 'muted' });
    totals.push({ label: t('openAmount'), value: layout.money(invoice.openAmount), style: 'accent' });
  }
  layout.totals(totals);

  if (invoice.status === 'void' && invoice.voidReason)
    layout.paragraph(t('voidReason', { reason: invoice.voidReason }));
  if (invoice.notes) {
    layout.section(t('notes'), 20);
    layout.paragraph(invoice.notes);
  }

  if (invoice.payments.length || invoice.credits.length) {
    layout.section(t('history'), 50);
    const history = [
      ...invoice.payments.map((p) => ({
        sort: p.receivedOn,
        cells: {
          date: layout.date(p.receivedOn),
          document: p.number,
          kind: `${t('payment')} · ${t(methodKey(p.method))}`,
          amount: layout.money(p.amount),
        },
      })),
      ...invoice.credits.map((c) => ({
        sort: c.issueDate,
        cells: {
          date: layout.date(c.issueDate),
          document: c.number,
          kind: t('credit'),
          amount: layout.money(c.amount),
        },
      })),
    ].sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
    layout.table(
      [
        { key: 'date', label: t('date') },
        { key: 'document', label: t('document') },
        { key: 'kind', label: t('kind'), flex: true },
        { key: 'amount', label: t('amount'), align: 'right' },
      ],
      history.map((h) => ({ cells: h.cells })),
    );
  }

  return layout.finish();
}

/** The PDF of one invoice of the seller (in the portal: of the caller's account only). */
export async function renderInvoicePdf(
  db: Kysely<DB>,
  input: { orgId: string; invoiceId: string; customerId?: string },
): Promise<{ number: string; pdf: Buffer }> {
  const [invoice, seller, template] = await Promise.all([
    loadInvoiceDocument(db, input),
    loadSeller(db, input.orgId),
    loadDocumentTemplate(db, input.orgId),
  ]);
  if (!invoice) throw new AppError('not_found');
  return { number: invoice.number, pdf: await drawInvoice(invoice, seller, template) };
}

// ── the settings preview ─────────────────────────────────────────────────────

const sampleCustomers: Record<Locale, Party> = {
  es: {
    name: 'Restaurante La Esquina, S.A. de C.V.',
    accountNumber: 'C-00042',
    taxId: 'REL010101AB1',
    address: {
      line1: 'Av. Insurgentes Sur 1234, Col. del Valle',
      city: 'Benito Juárez',
      region: 'Ciudad de México',
      postalCode: '03100',
      country: 'México',
    },
  },
  en: {
    name: 'Corner Bistro LLC',
    accountNumber: 'C-00042',
    taxId: '12-3456789',
    address: {
      line1: '123 Harbor Street, Suite 4',
      city: 'Portland',
      region: 'ME',
      postalCode: '04101',
      country: 'USA',
    },
  },
};

function sampleLines(locale: Locale, tax: { name: string; rate: string }): InvoiceLineInput[] {
  const es = locale === 'es';
  const taxes = [{ name: tax.name, rate: tax.rate }];
  return [
    {
      sku: 'ACE-0500',
      description: es
        ? 'Aceite de oliva extra virgen, botella 500 ml'
        : 'Extra virgin olive oil, 500 ml bottle',
      quantity: '24',
      unit: es ? 'pza' : 'ea',
      unitPrice: '89.50',
      taxes,
    },
    {
      sku: 'HAR-25K',
      description: es ? 'Harina de trigo para panificación, saco 25 kg' : 'Bread flour, 25 kg sack',
      quantity: '10',
      unit: es ? 'saco' : 'sack',
      unitPrice: '412',
      discountAmount: 20000n,
      taxes,
    },
    {
      sku: 'CAF-1K',
      description: es ? 'Café de grano tostado medio, 1 kg' : 'Medium roast coffee beans, 1 kg',
      quantity: '6',
      unit: 'kg',
      unitPrice: '265.75',
      taxes,
    },
    {
      sku: 'JAL-2K',
      description: es ? 'Jalapeños en escabeche, lata 2.8 kg' : 'Pickled jalapeños, 2.8 kg can',
      quantity: '12',
      unit: es ? 'lata' : 'can',
      unitPrice: '118.40',
      taxes,
    },
    {
      sku: 'ENT-01',
      description: es ? 'Entrega programada a domicilio' : 'Scheduled delivery',
      quantity: '1',
      unit: es ? 'serv' : 'svc',
      unitPrice: '350',
      taxes,
    },
  ];
}

const today = () => new Date().toISOString().slice(0, 10);
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * A sample invoice with the seller's real name and the given unsaved settings (the saved logo, if
 * `hasLogo` is not false): what staff see while they edit the template.
 */
export async function renderInvoicePreviewPdf(
  db: Kysely<DB>,
  input: { orgId: string; settings: DocumentSettings & { hasLogo?: boolean }; locale: Locale },
): Promise<Buffer> {
  const [seller, saved] = await Promise.all([
    loadSeller(db, input.orgId),
    loadDocumentTemplate(db, input.orgId),
  ]);
  const { hasLogo, ...settings } = input.settings;
  const template: DocumentTemplate = { ...settings, logo: hasLogo === false ? null : saved.logo };
  const locale = input.locale;
  const currency = seller.defaultCurrency;
  const tax =
    seller.country === 'MX' || locale === 'es'
      ? { name: 'IVA', rate: '16' }
      : { name: locale === 'en' ? 'Sales tax' : 'Impuesto', rate: '8.25' };
  const computed = computeInvoice(currency, sampleLines(locale, tax));
  const issueDate = today();
  const paid = computed.total / 2n;
  const invoice: InvoiceDocument = {
    number: locale === 'es' ? 'MUESTRA-0001' : 'SAMPLE-0001',
    status: 'open',
    issueDate,
    dueDate: addDays(issueDate, 30),
    currency,
    poNumber: 'OC-7781',
    notes: locale === 'es' ? 'Gracias por su preferencia.' : 'Thank you for your business.',
    voidReason: null,
    subtotal: computed.subtotal,
    taxTotal: computed.taxTotal,
    feeTotal: computed.feeTotal,
    total: computed.total,
    openAmount: computed.total - paid,
    createdAt: new Date(`${issueDate}T12:00:00Z`),
    locale,
    customer: sampleCustomers[locale],
    lines: computed.lines,
    charges: computed.charges,
    payments: [{ number: 'PAY-000123', receivedOn: issueDate, method: 'bank_transfer', amount: paid }],
    credits: [],
  };
  return drawInvoice(invoice, seller, template, { sample: true });
}

import type { InvoiceDocumentView } from '../../domain/documents/document-views.ts';
import { labelsFor, methodKey } from '../../domain/documents/labels.ts';
import { type Column, DocumentLayout, type Row, STAMP_COLORS, type TotalRow } from './document-layout.ts';

/** An invoice as a PDF, in its customer's language with the seller's template (or the preview's sample). */
export async function invoicePdf(view: InvoiceDocumentView): Promise<Buffer> {
  const { invoice, seller, template, locale } = view;
  const layout = await DocumentLayout.open({
    template,
    seller,
    lang: locale,
    currency: invoice.currency,
    title: labelsFor(locale)('invoice'),
    number: invoice.number,
    createdAt: invoice.createdAt,
  });
  const { t } = layout;
  const paid = invoice.payments.reduce((s, p) => s + p.amount, 0n);
  const credited = invoice.credits.reduce((s, c) => s + c.amount, 0n);
  const isPaid = invoice.status === 'open' && invoice.openAmount === 0n;

  const stamp = view.sample
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
      t(invoice.dueDate < view.today ? 'wasDueOn' : 'dueOn', { date: layout.date(invoice.dueDate) }),
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
  // Fees, and document discounts (negative: an imported allowance), each under its own name.
  for (const fee of invoice.charges.filter((c) => c.kind === 'fee' || c.kind === 'discount'))
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

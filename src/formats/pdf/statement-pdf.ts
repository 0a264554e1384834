import type { Locale } from '../../domain/documents/document-views.ts';
import type { StatementDocumentView, StatementLine } from '../../domain/statements/statement-port.ts';
import { DocumentLayout } from './document-layout.ts';

/** A statement's own words (the shared document labels give the frame: account, details, page n of m). */
const words: Record<Locale, Record<string, string>> = {
  es: {
    title: 'Estado de cuenta',
    customer: 'Cliente',
    period: 'Periodo',
    currency: 'Moneda',
    generated: 'Emitido',
    closing: 'Saldo al cierre',
    activity: 'Movimientos del periodo',
    date: 'Fecha',
    movement: 'Movimiento',
    document: 'Documento',
    due: 'Vence',
    amount: 'Importe',
    balance: 'Saldo',
    opening: 'Saldo inicial',
    invoices: 'Facturas',
    credits: 'Notas de crédito',
    payments: 'Pagos',
    other: 'Otros movimientos',
    aging: 'Antigüedad del saldo al cierre',
    current: 'Al corriente',
    d1_30: '1–30 días',
    d31_60: '31–60 días',
    d61_90: '61–90 días',
    d90_plus: 'Más de 90',
    totalOpen: 'Facturas abiertas',
    unappliedCash: 'Pagos sin aplicar',
    unappliedCredits: 'Créditos sin aplicar',
    none: 'Sin movimientos en el periodo.',
    invoice: 'Factura',
    invoice_void: 'Factura cancelada',
    credit: 'Nota de crédito',
    credit_void: 'Nota de crédito cancelada',
    payment: 'Pago',
    payment_reversed: 'Pago revertido',
    refund: 'Reembolso',
    adjustment: 'Ajuste',
  },
  en: {
    title: 'Statement of account',
    customer: 'Customer',
    period: 'Period',
    currency: 'Currency',
    generated: 'Issued',
    closing: 'Closing balance',
    activity: 'Activity in the period',
    date: 'Date',
    movement: 'Movement',
    document: 'Document',
    due: 'Due',
    amount: 'Amount',
    balance: 'Balance',
    opening: 'Opening balance',
    invoices: 'Invoices',
    credits: 'Credit memos',
    payments: 'Payments',
    other: 'Other movements',
    aging: 'Aging of the closing balance',
    current: 'Current',
    d1_30: '1–30 days',
    d31_60: '31–60 days',
    d61_90: '61–90 days',
    d90_plus: 'Over 90',
    totalOpen: 'Open invoices',
    unappliedCash: 'Unapplied payments',
    unappliedCredits: 'Unapplied credits',
    none: 'No activity in the period.',
    invoice: 'Invoice',
    invoice_void: 'Invoice voided',
    credit: 'Credit memo',
    credit_void: 'Credit memo voided',
    payment: 'Payment',
    payment_reversed: 'Payment reversed',
    refund: 'Refund',
    adjustment: 'Adjustment',
  },
};

/**
 * A statement of account as a PDF, in the customer's language: opening balance, every movement
 * of the period with the running balance, the totals by kind, the closing balance, and the aging
 * of what is open at the end (buckets, with unapplied payments and credits so they add up).
 */
export async function statementPdf(view: StatementDocumentView): Promise<Buffer> {
  const w = words[view.locale] ?? words.es;
  const layout = await DocumentLayout.open({
    template: view.template,
    seller: view.seller,
    lang: view.locale,
    currency: view.currency,
    title: w.title!,
    number: '',
    createdAt: view.generatedAt,
  });
  const period = `${layout.date(view.periodStart)} – ${layout.date(view.periodEnd)}`;
  layout.header(null);
  layout.parties({ heading: w.customer!, value: view.customer }, [
    [w.period!, period],
    [w.currency!, view.currency],
    [w.generated!, layout.date(view.generatedAt.toISOString().slice(0, 10))],
  ]);
  layout.band(w.closing!, layout.money(view.closingBalance), period);

  layout.section(w.activity!, 40);
  let running = view.openingBalance;
  const rows = [
    {
      cells: {
        date: layout.date(view.periodStart),
        movement: w.opening!,
        document: '',
        due: '',
        amount: '',
        balance: layout.money(running),
      },
    },
    ...view.lines.map((line: StatementLine) => {
      running += line.amount;
      return {
        cells: {
          date: layout.date(line.date),
          movement: w[line.kind] ?? line.kind,
          document: line.number,
          due: line.dueDate ? layout.date(line.dueDate) : '',
          amount: layout.money(line.amount),
          balance: layout.money(running),
        },
      };
    }),
  ];
  layout.table(
    [
      { key: 'date', label: w.date! },
      { key: 'movement', label: w.movement!, flex: true },
      { key: 'document', label: w.document! },
      { key: 'due', label: w.due! },
      { key: 'amount', label: w.amount!, align: 'right' },
      { key: 'balance', label: w.balance!, align: 'right' },
    ],
    rows,
  );
  if (view.lines.length === 0) layout.paragraph(w.none!);
  const { totals } = view;
  layout.totals([
    { label: w.opening!, value: layout.money(view.openingBalance) },
    { label: w.invoices!, value: layout.money(totals.invoices) },
    { label: w.credits!, value: layout.money(totals.credits) },
    { label: w.payments!, value: layout.money(totals.payments) },
    ...(totals.other !== 0n ? [{ label: w.other!, value: layout.money(totals.other) }] : []),
    {
      label: w.closing!,
      value: layout.money(view.closingBalance),
      style: 'accent' as const,
      ruleAbove: true,
    },
  ]);

  layout.section(w.aging!, 60);
  const a = view.aging;
  layout.table(
    [
      { key: 'current', label: w.current!, align: 'right' },
      { key: 'd1_30', label: w.d1_30!, align: 'right' },
      { key: 'd31_60', label: w.d31_60!, align: 'right' },
      { key: 'd61_90', label: w.d61_90!, align: 'right' },
      { key: 'd90_plus', label: w.d90_plus!, align: 'right' },
      { key: 'total', label: w.totalOpen!, align: 'right', flex: true },
    ],
    [
      {
        cells: {
          current: layout.money(a.current),
          d1_30: layout.money(a.d1_30),
          d31_60: layout.money(a.d31_60),
          d61_90: layout.money(a.d61_90),
          d90_plus: layout.money(a.d90_plus),
          total: layout.money(a.total),
        },
      },
    ],
  );
  layout.totals([
    { label: w.totalOpen!, value: layout.money(a.total) },
    { label: w.unappliedCash!, value: layout.money(-a.unappliedCash) },
    { label: w.unappliedCredits!, value: layout.money(-a.unappliedCredits) },
    { label: w.closing!, value: layout.money(view.closingBalance), style: 'strong', ruleAbove: true },
  ]);
  return layout.finish();
}

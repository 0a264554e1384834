import type { ReceiptDocumentView } from '../../domain/documents/document-views.ts';
import { labelsFor, methodKey } from '../../domain/documents/labels.ts';
import { DocumentLayout, STAMP_COLORS } from './document-layout.ts';

/**
 * A payment receipt as a PDF: number, date, method, reference, amount, and the invoices it is
 * applied to, in the customer's language. A reversed payment's receipt is stamped "Reversed" and
 * shows nothing available (never its stored unapplied amount).
 */
export async function receiptPdf(view: ReceiptDocumentView): Promise<Buffer> {
  const { payment, seller, template, locale } = view;
  const layout = await DocumentLayout.open({
    template,
    seller,
    lang: locale,
    currency: payment.currency,
    title: labelsFor(locale)('receipt'),
    number: payment.number,
    createdAt: payment.createdAt,
  });
  const { t } = layout;
  const reversed = payment.status === 'reversed';
  layout.header(reversed ? { text: t('paymentReversed'), color: STAMP_COLORS.void } : null);
  const details: [string, string][] = [
    [t('receivedOn'), layout.date(payment.receivedOn)],
    [t('method'), t(methodKey(payment.method))],
  ];
  if (payment.reference) details.push([t('reference'), payment.reference]);
  details.push([t('currency'), payment.currency]);
  layout.parties({ heading: t('receivedFrom'), value: payment.customer }, details);
  layout.band(
    t('amountReceived'),
    layout.money(payment.amount),
    reversed ? t('paymentReversed') : t(methodKey(payment.method)),
  );

  if (reversed) {
    // A reversed payment holds no money: its applications were undone and nothing is available
    // (the journal's unapplied cash for it is 0, whatever the stored unapplied amount says).
    layout.section(t('applications'), 40);
    layout.paragraph(t('reversedNothingAvailable'), { color: STAMP_COLORS.void });
    layout.totals([
      { label: t('amountReceived'), value: layout.money(payment.amount) },
      { label: t('paymentReversed'), value: layout.money(-payment.amount), style: 'muted' },
      { label: t('available'), value: layout.money(0n), style: 'accent', ruleAbove: true },
    ]);
    if (payment.reverseReason) layout.paragraph(t('reversedReason', { reason: payment.reverseReason }));
    return layout.finish();
  }
  layout.applications(
    [
      { key: 'invoice', label: t('invoiceNumber'), flex: true },
      { key: 'issueDate', label: t('issueDate') },
      { key: 'dueDate', label: t('dueDate') },
      { key: 'total', label: t('total'), align: 'right' },
      { key: 'open', label: t('openAmount'), align: 'right' },
      { key: 'amount', label: t('applied'), align: 'right' },
    ],
    view.applications.map((a) => ({
      cells: {
        invoice: a.invoiceNumber,
        issueDate: layout.date(a.issueDate),
        dueDate: layout.date(a.dueDate),
        total: layout.money(a.total),
        open: layout.money(a.openAmount),
        amount: layout.money(a.amount),
      },
    })),
    {
      label: t('amountReceived'),
      amount: payment.amount,
      applied: view.applied,
      unapplied: payment.unappliedAmount,
    },
  );
  layout.paragraph(t('thanks'));
  return layout.finish();
}

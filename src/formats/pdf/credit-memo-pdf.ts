import type { CreditMemoDocumentView } from '../../domain/documents/document-views.ts';
import { labelsFor } from '../../domain/documents/labels.ts';
import { DocumentLayout, STAMP_COLORS } from './document-layout.ts';

/**
 * A credit memo as a PDF: amount, reason, the invoice it was issued against, and the invoices it
 * is applied to, in the customer's language.
 */
export async function creditMemoPdf(view: CreditMemoDocumentView): Promise<Buffer> {
  const { creditMemo: memo, seller, template, locale } = view;
  const layout = await DocumentLayout.open({
    template,
    seller,
    lang: locale,
    currency: memo.currency,
    title: labelsFor(locale)('creditMemo'),
    number: memo.number,
    createdAt: memo.createdAt,
  });
  const { t } = layout;
  layout.header(memo.status === 'void' ? { text: t('creditVoid'), color: STAMP_COLORS.void } : null);
  const details: [string, string][] = [[t('issueDate'), layout.date(memo.issueDate)]];
  if (memo.invoiceNumber) details.push([t('relatedInvoice'), memo.invoiceNumber]);
  details.push([t('currency'), memo.currency]);
  layout.parties({ heading: t('creditTo'), value: memo.customer }, details);
  layout.band(
    t('creditAmount'),
    layout.money(memo.amount),
    memo.status === 'void' ? t('creditVoid') : `${t('unapplied')}: ${layout.money(memo.unappliedAmount)}`,
  );
  if (memo.reason) {
    layout.section(t('reason'), 20);
    layout.paragraph(memo.reason);
  }

  layout.applications(
    [
      { key: 'invoice', label: t('invoiceNumber'), flex: true },
      { key: 'issueDate', label: t('issueDate') },
      { key: 'appliedOn', label: t('appliedOn') },
      { key: 'total', label: t('total'), align: 'right' },
      { key: 'amount', label: t('applied'), align: 'right' },
    ],
    view.applications.map((a) => ({
      cells: {
        invoice: a.invoiceNumber,
        issueDate: layout.date(a.issueDate),
        appliedOn: layout.date(a.appliedOn),
        total: layout.money(a.total),
        amount: layout.money(a.amount),
      },
    })),
    {
      label: t('creditAmount'),
      amount: memo.amount,
      applied: view.applied,
      unapplied: memo.unappliedAmount,
    },
  );
  return layout.finish();
}

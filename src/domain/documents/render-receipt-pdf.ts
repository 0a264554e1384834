import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { loadDocumentTemplate } from './document-template.ts';
import { labelsFor, methodKey } from './labels.ts';
import { customerParty, DocumentLayout, STAMP_COLORS } from './pdf-layout.ts';
import { loadSeller } from './seller.ts';

/**
 * A payment receipt: number, date, method, reference, amount, and the invoices it was applied
 * to (live applications), in the customer's language. A reversed payment's receipt is stamped
 * "Reversed" and shows nothing available (never its stored unapplied amount). With `customerId` (the portal) only that
 * account's payments.
 */
export async function renderReceiptPdf(
  db: Kysely<DB>,
  input: { orgId: string; paymentId: string; customerId?: string },
): Promise<{ number: string; pdf: Buffer }> {
  let query = db
    .selectFrom('payments as p')
    .innerJoin('customer_accounts as c', (j) =>
      j.onRef('c.org_id', '=', 'p.org_id').onRef('c.id', '=', 'p.customer_id'),
    )
    .select([
      'p.number',
      'p.received_on',
      'p.method',
      'p.reference',
      'p.currency',
      'p.amount',
      'p.unapplied_amount',
      'p.status',
      'p.reverse_reason',
      'p.created_at',
      'c.name as customer_name',
      'c.account_number',
      'c.tax_id as customer_tax_id',
      'c.billing_address',
      'c.locale',
    ])
    .where('p.org_id', '=', input.orgId)
    .where('p.id', '=', input.paymentId);
  if (input.customerId) query = query.where('p.customer_id', '=', input.customerId);
  const [payment, seller, template] = await Promise.all([
    query.executeTakeFirst(),
    loadSeller(db, input.orgId),
    loadDocumentTemplate(db, input.orgId),
  ]);
  if (!payment) throw new AppError('not_found');
  const applications = await db
    .selectFrom('payment_applications as a')
    .innerJoin('invoices as i', (j) =>
      j.onRef('i.org_id', '=', 'a.org_id').onRef('i.id', '=', 'a.invoice_id'),
    )
    .select(['i.number', 'i.issue_date', 'i.due_date', 'i.total', 'i.open_amount', 'a.amount'])
    .where('a.org_id', '=', input.orgId)
    .where('a.payment_id', '=', input.paymentId)
    .where('a.unapplied_at', 'is', null)
    .orderBy('a.created_at')
    .execute();

  const layout = new DocumentLayout({
    template,
    seller,
    lang: payment.locale,
    currency: payment.currency,
    title: labelsFor(payment.locale)('receipt'),
    number: payment.number,
    createdAt: payment.created_at,
  });
  const { t } = layout;
  const reversed = payment.status === 'reversed';
  layout.header(reversed ? { text: t('paymentReversed'), color: STAMP_COLORS.void } : null);
  const details: [string, string][] = [
    [t('receivedOn'), layout.date(payment.received_on)],
    [t('method'), t(methodKey(payment.method))],
  ];
  if (payment.reference) details.push([t('reference'), payment.reference]);
  details.push([t('currency'), payment.currency]);
  layout.parties({ heading: t('receivedFrom'), value: customerParty(payment) }, details);
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
    if (payment.reverse_reason) layout.paragraph(t('reversedReason', { reason: payment.reverse_reason }));
    return { number: payment.number, pdf: await layout.finish() };
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
    applications.map((a) => ({
      cells: {
        invoice: a.number,
        issueDate: layout.date(a.issue_date),
        dueDate: layout.date(a.due_date),
        total: layout.money(a.total),
        open: layout.money(a.open_amount),
        amount: layout.money(a.amount),
      },
    })),
    {
      label: t('amountReceived'),
      amount: payment.amount,
      applied: applications.reduce((s, a) => s + a.amount, 0n),
      unapplied: payment.unapplied_amount,
    },
  );
  layout.paragraph(t('thanks'));
  return { number: payment.number, pdf: await layout.finish() };
}

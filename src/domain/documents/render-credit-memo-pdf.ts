import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { loadDocumentTemplate } from './document-template.ts';
import { labelsFor } from './labels.ts';
import { customerParty, DocumentLayout, STAMP_COLORS } from './pdf-layout.ts';
import { loadSeller } from './seller.ts';

/**
 * The PDF of a credit memo: amount, reason, the invoice it was issued against, and the invoices
 * it was applied to (live applications), in the customer's language. With `customerId` (the
 * portal) only that account's credit memos.
 */
export async function renderCreditMemoPdf(
  db: Kysely<DB>,
  input: { orgId: string; creditMemoId: string; customerId?: string },
): Promise<{ number: string; pdf: Buffer }> {
  let query = db
    .selectFrom('credit_memos as m')
    .innerJoin('customer_accounts as c', (j) =>
      j.onRef('c.org_id', '=', 'm.org_id').onRef('c.id', '=', 'm.customer_id'),
    )
    .leftJoin('invoices as i', (j) => j.onRef('i.org_id', '=', 'm.org_id').onRef('i.id', '=', 'm.invoice_id'))
    .select([
      'm.number',
      'm.issue_date',
      'm.currency',
      'm.amount',
      'm.unapplied_amount',
      'm.reason',
      'm.status',
      'm.created_at',
      'i.number as invoice_number',
      'c.name as customer_name',
      'c.account_number',
      'c.tax_id as customer_tax_id',
      'c.billing_address',
      'c.locale',
    ])
    .where('m.org_id', '=', input.orgId)
    .where('m.id', '=', input.creditMemoId);
  if (input.customerId) query = query.where('m.customer_id', '=', input.customerId);
  const [memo, seller, template] = await Promise.all([
    query.executeTakeFirst(),
    loadSeller(db, input.orgId),
    loadDocumentTemplate(db, input.orgId),
  ]);
  if (!memo) throw new AppError('not_found');
  const applications = await db
    .selectFrom('credit_applications as a')
    .innerJoin('invoices as i', (j) =>
      j.onRef('i.org_id', '=', 'a.org_id').onRef('i.id', '=', 'a.invoice_id'),
    )
    .select(['i.number', 'i.issue_date', 'i.total', 'a.amount', 'a.created_at'])
    .where('a.org_id', '=', input.orgId)
    .where('a.credit_memo_id', '=', input.creditMemoId)
    .where('a.unapplied_at', 'is', null)
    .orderBy('a.created_at')
    .execute();

  const layout = new DocumentLayout({
    template,
    seller,
    lang: memo.locale,
    currency: memo.currency,
    title: labelsFor(memo.locale)('creditMemo'),
    number: memo.number,
    createdAt: memo.created_at,
  });
  const { t } = layout;
  layout.header(memo.status === 'void' ? { text: t('creditVoid'), color: STAMP_COLORS.void } : null);
  const details: [string, string][] = [[t('issueDate'), layout.date(memo.issue_date)]];
  if (memo.invoice_number) details.push([t('relatedInvoice'), memo.invoice_number]);
  details.push([t('currency'), memo.currency]);
  layout.parties({ heading: t('creditTo'), value: customerParty(memo) }, details);
  layout.band(
    t('creditAmount'),
    layout.money(memo.amount),
    memo.status === 'void' ? t('creditVoid') : `${t('unapplied')}: ${layout.money(memo.unapplied_amount)}`,
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
    applications.map((a) => ({
      cells: {
        invoice: a.number,
        issueDate: layout.date(a.issue_date),
        appliedOn: layout.day(a.created_at),
        total: layout.money(a.total),
        amount: layout.money(a.amount),
      },
    })),
    {
      label: t('creditAmount'),
      amount: memo.amount,
      applied: applications.reduce((s, a) => s + a.amount, 0n),
      unapplied: memo.unapplied_amount,
    },
  );
  return { number: memo.number, pdf: await layout.finish() };
}

import type { MailTemplateData } from '../../domain/mail/mail-port.ts';
import type { MailPreviewContext, MailTemplateKey } from '../../domain/mail/mail-templates.ts';
import { sampleData } from './variables.ts';

type Builder<K extends MailTemplateKey> = (
  ctx: MailPreviewContext,
  sample: MailTemplateData[K],
) => MailTemplateData[K];

/** Every reminder step's preview: the customer's open invoices, counted from the seller's today. */
const reminderPreview = (
  ctx: MailPreviewContext,
  sample: MailTemplateData['reminder'],
): MailTemplateData['reminder'] => ({
  ...sample,
  ...common(ctx, sample),
  invoices: ctx.customer?.openInvoices.length
    ? ctx.customer.openInvoices.map((i) => ({ number: i.number, dueOn: i.dueOn, open: i.open }))
    : sample.invoices,
  today: ctx.customer?.openInvoices.length ? ctx.today : sample.today,
  url: `${ctx.publicUrl}/pay/preview`,
});

/**
 * A preview's data from the real case the editor chose: the seller's name and country, the
 * customer's name and currency, the name of its first contact, its open invoices (oldest due
 * first). Links point at Saldo's address but open nothing (a preview mints no token). Keys
 * without a builder here use their sample data with the seller's and customer's names put in.
 */
const builders: { [K in MailTemplateKey]?: Builder<K> } = {
  invoice_delivery: (ctx, sample) => {
    const invoice = ctx.customer?.openInvoices[0];
    return {
      ...sample,
      ...common(ctx, sample),
      ...(invoice ? { invoice } : {}),
      url: `${ctx.publicUrl}/pay/preview`,
    };
  },
  reminder: reminderPreview,
  reminder_upcoming: reminderPreview,
  reminder_final: reminderPreview,
  account_on_hold: (ctx, sample) => {
    const overdue = ctx.customer?.openInvoices.filter((i) => i.dueOn < ctx.today) ?? [];
    return {
      ...sample,
      ...common(ctx, sample),
      message: ctx.customer ? (ctx.customer.holdMessage ?? '') : sample.message,
      amountDue: ctx.customer ? overdue.reduce((sum, i) => sum + i.open, 0n) : sample.amountDue,
      url: `${ctx.publicUrl}/portal`,
    };
  },
  autopay_upcoming: (ctx, sample) => ({ ...sample, ...common(ctx, sample), ...autopayInvoices(ctx, sample) }),
  autopay_failed: (ctx, sample) => ({ ...sample, ...common(ctx, sample), ...autopayInvoices(ctx, sample) }),
  payment_receipt: (ctx, sample) => ({ ...sample, ...common(ctx, sample), ...autopayInvoices(ctx, sample) }),
};

/** The names every customer message greets with, and the currency its amounts read in. */
function common<T extends object>(ctx: MailPreviewContext, sample: T): Partial<T> {
  const fields: Record<string, string> = { orgName: ctx.org.name, country: ctx.org.country };
  if (ctx.recipient.name) fields.name = ctx.recipient.name;
  if (ctx.customer) {
    fields.accountName = ctx.customer.name;
    fields.currency = ctx.customer.currency;
  }
  return Object.fromEntries(Object.entries(fields).filter(([field]) => field in sample)) as Partial<T>;
}

/** Up to three of the customer's open invoices as a charge's (or a payment's) invoices. */
function autopayInvoices(
  ctx: MailPreviewContext,
  sample: { invoices: { number: string; amount: bigint }[]; amount: bigint },
): { invoices: { number: string; amount: bigint }[]; amount: bigint } {
  const open = ctx.customer?.openInvoices.slice(0, 3) ?? [];
  if (!open.length) return { invoices: sample.invoices, amount: sample.amount };
  const invoices = open.map((i) => ({ number: i.number, amount: i.open }));
  return { invoices, amount: invoices.reduce((sum, i) => sum + i.amount, 0n) };
}

export function previewData<K extends MailTemplateKey>(key: K, ctx: MailPreviewContext): MailTemplateData[K] {
  const sample = sampleData[key];
  const build = builders[key] as Builder<K> | undefined;
  if (build) return build(ctx, sample);
  return { ...sample, ...common(ctx, sample as object) } as MailTemplateData[K];
}

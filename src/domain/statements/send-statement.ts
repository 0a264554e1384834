import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { payLinkDaysOf } from '../collections/create-collection-pay-links.ts';
import { AppError } from '../errors.ts';
import type { Mailer } from '../mail/mail-port.ts';
import { createPayLink } from '../pay-links/create-pay-link.ts';
import { newId } from '../shared/ids.ts';
import { buildStatement, type PeriodAgings } from './build-statement.ts';
import type { StatementDocumentView, StatementPdfWriter } from './statement-port.ts';
import { insertStatement } from './statements.repository.ts';

export interface SendStatementDeps {
  db: Database;
  mailer: Mailer;
  pdf: StatementPdfWriter;
  publicUrl: string;
  secretKey: Buffer;
}

/** The contacts a statement goes to: those with an e-mail that receive statements. */
export async function statementRecipients(db: Database, orgId: string, customerId: string) {
  return db
    .selectFrom('customer_contacts')
    .select(['id', 'name', 'email', 'locale'])
    .where('org_id', '=', orgId)
    .where('account_id', '=', customerId)
    .where('email', 'is not', null)
    .where(sql<boolean>`'statements' = any(receives)`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function statementFileName(
  view: Pick<StatementDocumentView, 'customer' | 'periodStart' | 'periodEnd' | 'locale'>,
) {
  const word = view.locale === 'es' ? 'estado-de-cuenta' : 'statement';
  const account = view.customer.accountNumber.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${word}-${account}-${view.periodStart}-${view.periodEnd}.pdf`;
}

/**
 * Sends a customer its statement of account for a period: the PDF attached, to every contact
 * that receives statements, with a pay link for its open invoices when something is due (money
 * in flight left out), kept in `statements` and in the customer's activity (mail_messages.customer_id).
 * `statement_no_recipients` when nobody would receive it. In one transaction: nothing is sent
 * unless all of it commits.
 */
export async function sendStatement(
  deps: SendStatementDeps,
  input: {
    orgId: string;
    customerId: string;
    from: string;
    to: string;
    channel: 'monthly' | 'on_demand';
    actor: Actor;
    agings?: PeriodAgings;
  },
): Promise<{ statementId: string; messages: number; view: StatementDocumentView }> {
  const view = await buildStatement(deps, input);
  const recipients = await statementRecipients(deps.db, input.orgId, input.customerId);
  if (recipients.length === 0) throw new AppError('statement_no_recipients');
  const pdf = await deps.pdf(view);
  const org = await deps.db
    .selectFrom('organizations')
    .select(['name', 'country'])
    .where('id', '=', input.orgId)
    .executeTakeFirstOrThrow();
  const days = await payLinkDaysOf(deps.db, input.orgId);
  return inTransaction(deps.db, async (trx) => {
    let url: string | null = null;
    let payLinkId: string | null = null;
    if (view.closingBalance > 0n) {
      const open = await trx
        .selectFrom('invoices')
        .select(['id', 'open_amount'])
        .where('org_id', '=', input.orgId)
        .where('customer_id', '=', input.customerId)
        .where('currency', '=', view.currency)
        .where('status', '=', 'open')
        .where('open_amount', '>', 0n)
        .where('pending_amount', '=', 0n)
        .orderBy('due_date')
        .orderBy('id')
        .execute();
      const amount = open.reduce((sum, i) => sum + i.open_amount, 0n);
      if (amount > 0n) {
        const link = await createPayLink(
          { db: trx, secretKey: deps.secretKey },
          {
            orgId: input.orgId,
            customerId: input.customerId,
            purpose: 'invoices',
            invoices: open.map((i) => ({ invoiceId: i.id, amount: i.open_amount })),
            amount,
            currency: view.currency,
            expiresAt: new Date(Date.now() + days * 86_400_000),
            actor: input.actor,
          },
        );
        url = `${deps.publicUrl.replace(/\/+$/, '')}/pay/${link.token}`;
        payLinkId = link.id;
      }
    }
    const ids: string[] = [];
    for (const contact of recipients) {
      const { id } = await deps.mailer.enqueue(trx, {
        orgId: input.orgId,
        to: contact.email!,
        locale: contact.locale,
        template: 'statement',
        customerId: input.customerId,
        payLinkId,
        attachments: [{ filename: statementFileName(view), contentType: 'application/pdf', content: pdf }],
        data: {
          name: contact.name,
          orgName: org.name,
          accountName: view.customer.name,
          country: org.country,
          currency: view.currency,
          periodStart: view.periodStart,
          periodEnd: view.periodEnd,
          openingBalance: view.openingBalance,
          closingBalance: view.closingBalance,
          url,
        },
      });
      ids.push(id);
    }
    const statementId = newId();
    await insertStatement(trx, {
      orgId: input.orgId,
      id: statementId,
      customerId: input.customerId,
      periodStart: view.periodStart,
      periodEnd: view.periodEnd,
      currency: view.currency,
      openingBalance: view.openingBalance,
      closingBalance: view.closingBalance,
      channel: input.channel,
      messageIds: ids,
      userId: input.actor.userId ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'statement.sent',
      entityType: 'customer',
      entityId: input.customerId,
      after: { statementId, periodStart: view.periodStart, periodEnd: view.periodEnd, messages: ids.length },
    });
    return { statementId, messages: ids.length, view };
  });
}

import type { Database } from '../../db/client.ts';
import { newId } from '../shared/ids.ts';
import { hashToken, newToken } from '../shared/tokens.ts';

export interface CollectionPayLinkInput {
  customerId: string;
  currency: string;
  invoices: { invoiceId: string; amount: bigint }[];
}

/** How long a collection e-mail's link stays payable: the seller's pay-link days (0018), else 14. */
export async function payLinkDaysOf(db: Database, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('payment_settings')
    .select('pay_link_days')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.pay_link_days ?? 14;
}

/**
 * Pay links (purpose 'invoices') for a page of customers, in two inserts: each opens exactly the
 * documents its e-mail lists, for the amounts due. Like a pay-now e-mail's link, its token is 256
 * fresh random bits, handed back once for the message and never stored (only its SHA-256). The
 * run records one audit entry for all of them (run-collection.ts) rather than one per link.
 */
export async function createCollectionPayLinks(
  db: Database,
  input: { orgId: string; expiresAt: Date; userId: string | null; links: CollectionPayLinkInput[] },
): Promise<{ id: string; token: string }[]> {
  const made = input.links.map((link) => ({ id: newId(), token: newToken(), link }));
  if (made.length === 0) return [];
  await db
    .insertInto('pay_links')
    .values(
      made.map(({ id, token, link }) => ({
        org_id: input.orgId,
        id,
        token_hash: hashToken(token),
        customer_id: link.customerId,
        purpose: 'invoices' as const,
        order_reference: null,
        amount: link.invoices.reduce((sum, i) => sum + i.amount, 0n),
        currency: link.currency,
        expires_at: input.expiresAt,
        created_by: input.userId,
        sent_by_mail: true,
      })),
    )
    .execute();
  await db
    .insertInto('pay_link_invoices')
    .values(
      made.flatMap(({ id, link }) =>
        link.invoices.map((i) => ({
          org_id: input.orgId,
          pay_link_id: id,
          invoice_id: i.invoiceId,
          amount: i.amount,
        })),
      ),
    )
    .execute();
  return made.map(({ id, token }) => ({ id, token }));
}

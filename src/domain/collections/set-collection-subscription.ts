import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import {
  type CollectionRecipient,
  type CollectionSubscription,
  collectionRecipients,
  loadSubscription,
  setSubscription,
} from './collections.repository.ts';

export interface CustomerCollection {
  subscription: CollectionSubscription;
  /** Who receives it: contacts with an e-mail that receive reminders. */
  recipients: CollectionRecipient[];
  /** Why it cannot be turned on, when it cannot. */
  blockedReason: 'no_recipients' | null;
}

async function customerExists(db: Database, orgId: string, customerId: string): Promise<void> {
  const row = await db
    .selectFrom('customer_accounts')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
}

/** The subscription window's content: the state, and the contacts who will receive the e-mail. */
export async function getCustomerCollection(
  deps: { db: Database },
  input: { orgId: string; customerId: string },
): Promise<CustomerCollection> {
  await customerExists(deps.db, input.orgId, input.customerId);
  const [subscription, recipients] = await Promise.all([
    loadSubscription(deps.db, input.orgId, input.customerId),
    collectionRecipients(deps.db, input.orgId, input.customerId),
  ]);
  return { subscription, recipients, blockedReason: recipients.length === 0 ? 'no_recipients' : null };
}

/**
 * Subscribes a customer to the weekly collection, or turns it off (its mail stops from the next
 * run). Subscribing needs at least one contact with an e-mail that receives reminders:
 * `collection_no_recipients` otherwise.
 */
export async function setCollectionSubscription(
  deps: { db: Database },
  input: { orgId: string; customerId: string; subscribed: boolean; actor: Actor },
): Promise<CustomerCollection> {
  await inTransaction(deps.db, async (trx) => {
    await customerExists(trx, input.orgId, input.customerId);
    if (input.subscribed) {
      const recipients = await collectionRecipients(trx, input.orgId, input.customerId);
      if (recipients.length === 0) throw new AppError('collection_no_recipients');
    }
    await setSubscription(trx, {
      orgId: input.orgId,
      customerId: input.customerId,
      subscribed: input.subscribed,
      userId: input.actor.userId ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: input.subscribed ? 'collection.subscribed' : 'collection.unsubscribed',
      entityType: 'customer',
      entityId: input.customerId,
    });
  });
  return getCustomerCollection(deps, input);
}

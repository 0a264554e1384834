import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A seller's Stripe keys as stored: the secret ones sealed (domain/shared/sealed-secrets.ts). */
export interface StoredStripeCredentials {
  publishableKey: string;
  secretKeySealed: string;
  secretKeyLast4: string;
  webhookSecretSealed: string | null;
  updatedAt: Date;
}

export async function findStripeCredentials(db: Db, orgId: string): Promise<StoredStripeCredentials | null> {
  const row = await db
    .selectFrom('processor_credentials')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('processor', '=', 'stripe')
    .executeTakeFirst();
  if (!row) return null;
  return {
    publishableKey: row.publishable_key,
    secretKeySealed: row.secret_key_sealed,
    secretKeyLast4: row.secret_key_last4,
    webhookSecretSealed: row.webhook_secret_sealed,
    updatedAt: row.updated_at,
  };
}

export async function saveStripeCredentials(
  db: Db,
  input: {
    orgId: string;
    publishableKey: string;
    secretKeySealed: string;
    secretKeyLast4: string;
    webhookSecretSealed: string | null;
    updatedBy: string | null;
  },
): Promise<void> {
  const values = {
    publishable_key: input.publishableKey,
    secret_key_sealed: input.secretKeySealed,
    secret_key_last4: input.secretKeyLast4,
    webhook_secret_sealed: input.webhookSecretSealed,
    updated_by: input.updatedBy,
  };
  await db
    .insertInto('processor_credentials')
    .values({ org_id: input.orgId, processor: 'stripe', ...values })
    .onConflict((oc) =>
      oc.columns(['org_id', 'processor']).doUpdateSet({ ...values, updated_at: sql`now()` }),
    )
    .execute();
}

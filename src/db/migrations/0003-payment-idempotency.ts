import { type Kysely, sql } from 'kysely';

/**
 * An Idempotency-Key replays only the identical request: a payment recorded under a key keeps the
 * SHA-256 fingerprint of the whole request that recorded it (customer, amount, currency, date,
 * method, reference, allocation), and the same key with any other request is refused
 * (`idempotency_key_reused`). Payments recorded before this migration have none: for them the key
 * is compared on customer and amount, as it was.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table payments
      add column idempotency_fingerprint text,
      add constraint payments_idempotency_fingerprint_check
        check (idempotency_fingerprint is null or idempotency_key is not null);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table payments
      drop constraint payments_idempotency_fingerprint_check,
      drop column idempotency_fingerprint;
  `.execute(db);
}

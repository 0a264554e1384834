import { type Kysely, sql } from 'kysely';

/**
 * What an online payment was paid with, kept on the payment itself for methods the payer did not
 * save (a saved one is in payment_methods): the processor's display details only — brand, bank,
 * last four —, never a number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table payments
      add column method_brand text check (length(method_brand) <= 40),
      add column method_last4 char(4) check (method_last4 ~ '^[0-9]{4}$'),
      add column method_bank_name text check (length(method_bank_name) <= 200)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table payments drop column method_bank_name, drop column method_last4, drop column method_brand`.execute(
    db,
  );
}

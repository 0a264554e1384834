import { type Kysely, sql } from 'kysely';

/**
 * A credit hold keeps two texts apart: `hold_reason`, the seller's internal reason (staff only,
 * kept in the audit log), and `hold_message`, an optional message the customer sees in the portal
 * (without one the portal shows a neutral "account on hold" text). Cleared with the hold.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table customer_accounts
      add column hold_message text,
      add constraint customer_accounts_hold_message_check check (hold_status = 'on_hold' or hold_message is null);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table customer_accounts
      drop constraint customer_accounts_hold_message_check,
      drop column hold_message;
  `.execute(db);
}

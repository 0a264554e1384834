import { type Kysely, sql } from 'kysely';

/**
 * Document discounts on invoices (issue 9: UBL and ERP imports).
 *
 * - invoice_charges.kind 'discount': a discount on the whole invoice (a UBL document-level
 *   AllowanceCharge with ChargeIndicator false and no tax, an ERP's negative fee/charge). Its
 *   amount is negative (minor units taken off), a fee's or a document tax's never is. Like fees,
 *   discounts count in invoices.fee_total, which is therefore the net of the document's charges
 *   (fees less discounts): total = subtotal + tax_total + fee_total still holds, and so do
 *   invoices' own checks (total > 0).
 *
 * Lines may have a negative quantity (a return or credit line inside an invoice): their net and
 * tax are negative; invoice_lines never checked their sign, so nothing changes for them here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table invoice_charges
      drop constraint invoice_charges_kind_check,
      add constraint invoice_charges_kind_check check (kind in ('fee', 'tax', 'discount')),
      add constraint invoice_charges_sign_check check ((kind = 'discount') = (amount < 0));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from invoice_charges where kind = 'discount';
    alter table invoice_charges
      drop constraint invoice_charges_sign_check,
      drop constraint invoice_charges_kind_check,
      add constraint invoice_charges_kind_check check (kind in ('fee', 'tax'));
  `.execute(db);
}

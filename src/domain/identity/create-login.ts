import type { Database } from '../../db/client.ts';
import type { CustomerRole, Locale, StaffRole } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Actor } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { addCustomerUser } from './add-customer-user.ts';
import { addStaffMember } from './add-staff-member.ts';
import { createUser } from './create-user.ts';

/** Where an operator puts a new login: as staff of a seller, or as a user of one of its customer accounts. */
export type LoginPlace =
  | { orgSlug: string; kind: 'staff'; role: StaffRole }
  | { orgSlug: string; kind: 'customer'; accountNumber: string; role: CustomerRole };

/**
 * An operator's login (`saldo user create`): the login and, when a place is given, its
 * membership there, together or not at all. An unknown seller or account is not_found.
 */
export async function createLogin(
  deps: { db: Database },
  input: { email: string; name: string; password: string; locale: Locale; place?: LoginPlace; actor: Actor },
): Promise<{ id: string }> {
  const { place, actor } = input;
  return inTransaction(deps.db, async (trx) => {
    const created = await createUser({ db: trx }, input);
    if (!place) return created;
    const org = await trx
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', place.orgSlug)
      .executeTakeFirst();
    if (!org) throw new AppError('not_found');
    if (place.kind === 'staff') {
      await addStaffMember({ db: trx }, { orgId: org.id, userId: created.id, role: place.role, actor });
      return created;
    }
    const account = await trx
      .selectFrom('customer_accounts')
      .select('id')
      .where('org_id', '=', org.id)
      .where('account_number', '=', place.accountNumber)
      .executeTakeFirst();
    if (!account) throw new AppError('not_found');
    await addCustomerUser(
      { db: trx },
      { orgId: org.id, accountId: account.id, userId: created.id, role: place.role, actor },
    );
    return created;
  });
}

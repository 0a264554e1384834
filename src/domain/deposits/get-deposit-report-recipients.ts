import type { Database } from '../../db/client.ts';
import { findRecipients } from './deposits.repository.ts';

/** Who receives the deposit reports of the seller, in the order staff listed them. */
export async function getDepositReportRecipients(
  deps: { db: Database },
  input: { orgId: string },
): Promise<{ emails: string[] }> {
  return { emails: await findRecipients(deps.db, input.orgId) };
}

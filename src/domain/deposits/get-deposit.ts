import type { Database } from '../../db/client.ts';
import {
  type Deposit,
  type DepositLineView,
  findDeposit,
  findDepositLines,
  findEntryByAccount,
  type JournalLineView,
} from './deposits.repository.ts';

export interface DepositDetail {
  deposit: Deposit;
  lines: DepositLineView[];
  /** The entry that took the deposit out of processor_clearing, summed per account; null if none. */
  journal: { id: string; kind: string; createdAt: Date; accounts: JournalLineView[] } | null;
}

/** One deposit of the seller with its lines and journal entry; null when the seller has no such deposit. */
export async function getDeposit(
  deps: { db: Database },
  input: { orgId: string; depositId: string },
): Promise<DepositDetail | null> {
  const deposit = await findDeposit(deps.db, input);
  if (!deposit) return null;
  const [lines, entry] = await Promise.all([
    findDepositLines(deps.db, { orgId: input.orgId, depositIds: [deposit.id] }),
    deposit.journalEntryId
      ? findEntryByAccount(deps.db, { orgId: input.orgId, entryId: deposit.journalEntryId })
      : Promise.resolve(null),
  ]);
  return {
    deposit,
    lines: lines.map(({ depositId: _d, ...line }) => line),
    journal: entry && deposit.journalEntryId ? { id: deposit.journalEntryId, ...entry } : null,
  };
}

import type { Database } from '../../db/client.ts';
import type { MethodKind } from '../../db/schema.ts';
import { pageWindow } from '../shared/page-window.ts';
import { countDeposits, type Deposit, findDeposits } from './deposits.repository.ts';

/** The seller's deposits, newest arrival first, filtered by kind and arrival days; one page. */
export async function listDeposits(
  deps: { db: Database },
  input: {
    orgId: string;
    kind?: MethodKind | undefined;
    from?: string | undefined;
    to?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ deposits: Deposit[]; total: number }> {
  const filter = { orgId: input.orgId, kind: input.kind, from: input.from, to: input.to };
  const { limit, offset } = pageWindow(input, 100);
  const [deposits, total] = await Promise.all([
    findDeposits(deps.db, { ...filter, limit, offset }),
    countDeposits(deps.db, filter),
  ]);
  return { deposits, total };
}

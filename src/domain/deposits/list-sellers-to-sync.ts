import type { Database } from '../../db/client.ts';
import { sellersWithOnlinePayments } from './deposits.repository.ts';

/** The sellers whose deposits the sweep takes from their processor: those that took online payments. */
export function listSellersToSync(deps: { db: Database }): Promise<string[]> {
  return sellersWithOnlinePayments(deps.db);
}

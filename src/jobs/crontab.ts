import { type CronItem, type ParsedCronItem, parseCronItems } from 'graphile-worker';
import { AUTOPAY_SWEEP_TASK } from './tasks/autopay-jobs.ts';
import { COLLECTIONS_SWEEP_TASK, STATEMENTS_SWEEP_TASK } from './tasks/collection-jobs.ts';
import { DELIVER_NEW_TASK } from './tasks/delivery-jobs.ts';
import { DEPOSITS_SWEEP_TASK } from './tasks/deposit-jobs.ts';
import { DUNNING_SWEEP_TASK } from './tasks/dunning-jobs.ts';
import { ERP_SYNC_SWEEP_TASK } from './tasks/erp-sync-jobs.ts';
import { DROP_FOLDER_SWEEP_TASK, IMPORTS_RECOVER_TASK } from './tasks/import-jobs.ts';
import { RECONCILE_PAYMENTS_TASK, SANDBOX_CLOCK_TASK } from './tasks/payment-jobs.ts';

/**
 * Saldo's recurring schedules. Each entry names a sweep task that selects what is due and fans
 * out one job per item (see docs/ARCHITECTURE.md, Jobs). Give each a stable `identifier`: it is
 * how graphile-worker remembers the last run and backfills a missed one once.
 */
export const cronItems: CronItem[] = [
  { task: RECONCILE_PAYMENTS_TASK, match: '*/5 * * * *', identifier: 'payments-reconcile' },
  { task: SANDBOX_CLOCK_TASK, match: '* * * * *', identifier: 'sandbox-clock' },
  { task: AUTOPAY_SWEEP_TASK, match: '3 * * * *', identifier: 'autopay-sweep' },
  { task: DEPOSITS_SWEEP_TASK, match: '7 * * * *', identifier: 'deposits-sweep' },
  { task: ERP_SYNC_SWEEP_TASK, match: '* * * * *', identifier: 'erp-sync-sweep' },
  { task: COLLECTIONS_SWEEP_TASK, match: '*/5 * * * *', identifier: 'collections-sweep' },
  { task: STATEMENTS_SWEEP_TASK, match: '11 * * * *', identifier: 'statements-sweep' },
  { task: DUNNING_SWEEP_TASK, match: '*/5 * * * *', identifier: 'dunning-sweep' },
  { task: DELIVER_NEW_TASK, match: '* * * * *', identifier: 'delivery-deliver-new' },
  { task: IMPORTS_RECOVER_TASK, match: '* * * * *', identifier: 'imports-recover' },
  { task: DROP_FOLDER_SWEEP_TASK, match: '* * * * *', identifier: 'imports-drop-folder' },
];

export function parsedCronItems(): ParsedCronItem[] {
  return parseCronItems(cronItems);
}

import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ImportKind, ImportSummary } from '../import-types.ts';
import { recordIntegrationEvent } from '../webhooks/record-integration-event.ts';

export interface ImportFinished {
  orgId: string;
  importId: string;
  kind: ImportKind;
  channel: 'console' | 'cli' | 'drop_folder' | 'api';
  fileName: string;
  status: 'completed' | 'rejected' | 'failed';
  summary: ImportSummary | null;
  errorCount: number;
  failureCode: string | null;
}

/**
 * Called once per run, in the transaction that records how it ended (execute-import-run.ts): the
 * one place where the `import.finished` webhook (domain/integration/webhooks) is to be emitted, so
 * the event commits with the run's end and never fires for a run that did not end.
 */
export async function onImportFinished(trx: Transaction<DB>, event: ImportFinished): Promise<void> {
  const { orgId, importId, kind, channel, status, fileName, summary } = event;
  await recordIntegrationEvent(trx, {
    orgId,
    type: 'import.finished',
    data: { importId, kind, channel, status, fileName, summary },
  });
}

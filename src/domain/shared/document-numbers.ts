import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The next number of a document Saldo itself issues (PAY-000001, CM-000001), gap-free per seller. */
export async function nextDocumentNumber(
  trx: Transaction<DB>,
  orgId: string,
  kind: 'payment' | 'credit_memo',
  prefix: string,
): Promise<string> {
  const { rows } = await sql<{ value: bigint }>`
    insert into document_sequences as s (org_id, kind, next_value) values (${orgId}, ${kind}, 2)
    on conflict (org_id, kind) do update set next_value = s.next_value + 1
    returning s.next_value - 1 as value`.execute(trx);
  return `${prefix}${rows[0]!.value.toString().padStart(6, '0')}`;
}

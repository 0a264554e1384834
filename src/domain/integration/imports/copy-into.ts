import { type CompiledQuery, sql, type Transaction } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB } from '../../../db/schema.ts';

/**
 * `COPY … FROM STDIN` on the transaction's own connection. Kysely hands the pg client nothing but
 * `client.query(compiled.sql, parameters)`; pg treats a Submittable in that place as the query
 * itself (that is how pg-copy-streams runs), so the copy stream travels through Kysely's driver to
 * the very connection the transaction holds — no second connection, nothing outside the
 * transaction. The driver awaits what `query()` returns (the stream, not a promise): it returns at
 * once, and the stream's `finish` (or `error`) says when the server has taken every row.
 */
export async function copyInto(trx: Transaction<DB>, statement: string, data: string): Promise<void> {
  const stream = copyFrom(statement);
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  await trx.executeQuery({ sql: stream as unknown as string, parameters: [] } as unknown as CompiledQuery);
  stream.end(data);
  await done;
}

/**
 * A COPY left open for many writes: the server takes each chunk while the caller prepares the
 * next (reading and parsing overlap with PostgreSQL's work); `write` waits when the socket's
 * buffer is full, so memory stays flat however much is copied. `end` resolves once every row is
 * in; `abort` gives up (the transaction is then aborted, as any failed statement leaves it).
 */
export async function openCopy(
  trx: Transaction<DB>,
  statement: string,
): Promise<{ write(data: string): Promise<void>; end(): Promise<void>; abort(error: Error): Promise<void> }> {
  const stream = copyFrom(statement);
  let failure: Error | null = null;
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', (error: Error) => {
      failure = error;
      reject(error);
    });
  });
  done.catch(() => {});
  await trx.executeQuery({ sql: stream as unknown as string, parameters: [] } as unknown as CompiledQuery);
  return {
    async write(data) {
      if (failure) throw failure;
      if (!stream.write(data))
        await new Promise<void>((resolve, reject) => {
          const onError = (error: Error) => reject(error);
          stream.once('error', onError);
          stream.once('drain', () => {
            stream.off('error', onError);
            resolve();
          });
        });
    },
    async end() {
      stream.end();
      await done;
    },
    // The rows' source failed (an unreadable file): CopyFail ends the COPY, so the connection can
    // roll the transaction back instead of waiting for rows that never come.
    async abort(error) {
      if (stream.destroyed || failure) return;
      await new Promise<void>((resolve) => {
        stream.once('close', resolve);
        stream.destroy(error);
      });
    },
  };
}

/** A value as COPY's text format writes it: `\N` for null, backslash, tab and line breaks escaped. */
export function copyValue(value: string | null): string {
  if (value === null) return '\\N';
  if (!/[\\\t\n\r]/.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A quoted identifier (the kinds' field names are plain, but a name is never pasted raw). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A raw SQL identifier for Kysely's `sql` templates. */
export const id = (name: string) => sql.raw(ident(name));

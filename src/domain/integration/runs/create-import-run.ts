import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Database } from '../../../db/client.ts';
import { addJob } from '../../../db/jobs.ts';
import type { ImportChannel } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { type Actor, recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../shared/ids.ts';
import type { ImportKind } from '../import-types.ts';
import type { ByteSource } from './import-file-reader.ts';
import { CHUNK_BYTES, sha256Of } from './import-file-sources.ts';
import { findProfile } from './import-profiles.repository.ts';
import { IMPORT_FILE_TASK, importFileJobKey } from './import-run-jobs.ts';
import { completedRunWithSha, insertChunk, insertRun, setRunFile } from './import-runs.repository.ts';
import { parseImportSettings } from './import-settings.ts';

/** The largest file a run takes unless the caller says otherwise (the readers' own limit). */
export const DEFAULT_MAX_IMPORT_BYTES = 2 * 1024 ** 3;

export interface CreateImportRunInput {
  orgId: string;
  kind: ImportKind;
  channel: ImportChannel;
  fileName: string;
  /** ImportSettings, checked here (parseImportSettings). */
  settings: unknown;
  profileId?: string | null | undefined;
  actor: Actor;
  /**
   * An upload: its bytes are stored in the run (1 MiB chunks) and the `import-file` job is queued
   * in the same transaction, for any worker to execute.
   */
  bytes?: AsyncIterable<Buffer | Uint8Array | string> | Readable;
  /**
   * A local file the caller executes itself at once (the CLI, the drop folder): only hashed,
   * never copied into the database, no job queued; pass the same source to executeImportRun.
   */
  source?: ByteSource;
  /** The source's SHA-256 when the caller has hashed it already (the drop folder). */
  sha256?: string;
  /** Default DEFAULT_MAX_IMPORT_BYTES. */
  maxBytes?: number;
}

export interface CreatedImportRun {
  id: string;
  /** An earlier completed run of the same kind and bytes: this one will change nothing, and says so. */
  duplicateOf: { id: string; finishedAt: Date | null } | null;
}

const megabytes = (bytes: number) => Math.floor(bytes / (1024 * 1024));

/** A file's name as shown and stored: its last path segment, trimmed, at most 255 characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  if (base === '' || base.length > 255 || base.includes('\u0000') || !/^[^\p{Cc}]+$/u.test(base))
    throw new AppError('validation_failed', {}, [{ field: 'name', code: 'invalid' }]);
  return path.basename(base);
}

/**
 * Starts an import run: the run row (status `queued`), its file — streamed, hashed on the way,
 * refused past the size limit with `file_too_large` — and, for an upload, the job that will execute
 * it, all in one transaction (the caller's, when it passes one): no job without its file, no file
 * without its run. The same bytes already imported (a completed run of the same kind) are named in
 * `duplicateOf`; the run still happens and finds everything unchanged.
 */
export async function createImportRun(
  deps: { db: Database },
  input: CreateImportRunInput,
): Promise<CreatedImportRun> {
  if ((input.bytes === undefined) === (input.source === undefined))
    throw new Error('createImportRun takes either bytes or a source');
  const settings = parseImportSettings(input.kind, input.settings);
  const fileName = cleanFileName(input.fileName);
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (input.source && input.source.size > maxBytes)
    throw new AppError('file_too_large', { megabytes: megabytes(maxBytes) });
  // A local file is hashed before the transaction opens: reading 1 GB holds no connection.
  const sourceSha = input.source ? (input.sha256 ?? (await sha256Of(input.source))) : undefined;
  const id = newId();
  return inTransaction(deps.db, async (trx) => {
    if (input.profileId) {
      const profile = await findProfile(trx, { orgId: input.orgId, profileId: input.profileId });
      if (!profile || profile.kind !== input.kind)
        throw new AppError('validation_failed', {}, [{ field: 'profileId', code: 'invalid' }]);
    }
    await insertRun(trx, {
      org_id: input.orgId,
      id,
      kind: input.kind,
      channel: input.channel,
      profile_id: input.profileId ?? null,
      file_name: fileName,
      file_size: 0n,
      file_sha256: '',
      settings,
      duplicate_of: null,
      started_by: input.actor.userId ?? null,
    });
    const hash = createHash('sha256');
    let size = 0;
    if (input.bytes) {
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let seq = 0;
      const store = async (data: Buffer) => {
        await insertChunk(trx, { orgId: input.orgId, importId: id, seq, data });
        seq += 1;
      };
      for await (const piece of input.bytes) {
        const buf = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece);
        size += buf.length;
        if (size > maxBytes) throw new AppError('file_too_large', { megabytes: megabytes(maxBytes) });
        hash.update(buf);
        pending.push(buf);
        pendingBytes += buf.length;
        while (pendingBytes >= CHUNK_BYTES) {
          const all = Buffer.concat(pending);
          await store(all.subarray(0, CHUNK_BYTES));
          const rest = all.subarray(CHUNK_BYTES);
          pending = rest.length ? [rest] : [];
          pendingBytes = rest.length;
        }
      }
      if (pendingBytes > 0) await store(Buffer.concat(pending));
    } else {
      size = input.source!.size;
    }
    const sha256 = sourceSha ?? hash.digest('hex');
    const duplicateOf = await completedRunWithSha(trx, {
      orgId: input.orgId,
      kind: input.kind,
      sha256,
      except: id,
    });
    await setRunFile(
      trx,
      { orgId: input.orgId, importId: id },
      { size, sha256, duplicateOf: duplicateOf?.id ?? null },
    );
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'import.started',
      entityType: 'import_run',
      entityId: id,
      after: {
        kind: input.kind,
        channel: input.channel,
        fileName,
        size,
        sha256,
        profileId: input.profileId ?? null,
      },
    });
    if (input.bytes)
      await addJob(
        trx,
        IMPORT_FILE_TASK,
        { orgId: input.orgId, importId: id },
        {
          jobKey: importFileJobKey(id),
          maxAttempts: 3,
        },
      );
    return { id, duplicateOf };
  });
}

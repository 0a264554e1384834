import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Database } from '../../../db/client.ts';
import type { ByteSource } from './import-file-reader.ts';
import { readChunk } from './import-runs.repository.ts';

/** Uploaded files are kept in rows of this many bytes (the last one shorter). */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * A run's stored file, read chunk by chunk (one query per MiB, as the reader asks for more), so
 * memory stays flat whatever the size and any process that can reach the database can read it.
 */
export function chunkByteSource(
  db: Database,
  file: { orgId: string; importId: string; size: number; name: string },
): ByteSource {
  return {
    size: file.size,
    name: file.name,
    open(start = 0) {
      async function* chunks() {
        for (let seq = Math.floor(start / CHUNK_BYTES); seq * CHUNK_BYTES < file.size; seq++) {
          const data = await readChunk(db, { orgId: file.orgId, importId: file.importId, seq });
          if (!data) throw new Error(`import ${file.importId}: chunk ${seq} of its file is missing`);
          const skip = seq === Math.floor(start / CHUNK_BYTES) ? start - seq * CHUNK_BYTES : 0;
          yield skip > 0 ? data.subarray(skip) : data;
        }
      }
      return Readable.from(chunks(), { objectMode: false });
    },
  };
}

/** A local file, streamed from disk (the CLI and the drop folder never copy it into the database). */
export async function fileByteSource(filePath: string, name = path.basename(filePath)): Promise<ByteSource> {
  const { size } = await stat(filePath);
  return {
    size,
    name,
    open: (start = 0) => createReadStream(filePath, { start, highWaterMark: 256 * 1024 }),
  };
}

/** A file's SHA-256, streamed. */
export async function sha256Of(source: ByteSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of source.open()) hash.update(piece as Buffer);
  return hash.digest('hex');
}

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../../db/client.ts';
import { isUuid } from '../../shared/ids.ts';
import { type ImportKind, importKinds } from '../import-types.ts';
import { dropFolderOf, ensureDropFolder, ignoredFileName, safeSlug } from './drop-folder-layout.ts';

/** A file waiting in a seller's kind folder; size and mtime say which version of it was seen. */
export interface DroppedFile {
  orgId: string;
  kind: ImportKind;
  name: string;
  size: number;
  mtimeMs: number;
}

/** A file a run took (processing/<run id>/) and did not finish moving: its run is taken further. */
export interface ProcessingFile {
  orgId: string;
  importId: string;
}

/** A file untouched this long has stopped growing: an upload or an ERP export in progress touches it. */
export const QUIET_MS = 30_000;

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * The drop-folder sweep's look at every seller's folder (made when missing): the files in the
 * kind folders that have stopped growing (unchanged for QUIET_MS), and the files left in
 * processing/ by a run that did not finish moving them (a process that died).
 */
export async function findDroppedFiles(
  deps: { db: Database; dropRoot: string },
  input: { now: Date; quietMs?: number },
): Promise<{ files: DroppedFile[]; processing: ProcessingFile[] }> {
  const quietMs = input.quietMs ?? QUIET_MS;
  const orgs = await deps.db.selectFrom('organizations').select(['id', 'slug']).orderBy('slug').execute();
  const files: DroppedFile[] = [];
  const processing: ProcessingFile[] = [];
  for (const org of orgs) {
    if (!safeSlug(org.slug)) continue;
    const folder = dropFolderOf(deps.dropRoot, org.slug);
    await ensureDropFolder(folder);
    for (const kind of importKinds) {
      for (const entry of await entries(folder.kind(kind))) {
        if (!entry.isFile() || ignoredFileName(entry.name)) continue;
        const info = await stat(path.join(folder.kind(kind), entry.name)).catch(() => null);
        if (!info || input.now.getTime() - info.mtimeMs < quietMs) continue;
        files.push({
          orgId: org.id,
          kind,
          name: entry.name,
          size: info.size,
          mtimeMs: Math.trunc(info.mtimeMs),
        });
      }
    }
    for (const entry of await entries(folder.processing))
      if (entry.isDirectory() && isUuid(entry.name)) processing.push({ orgId: org.id, importId: entry.name });
  }
  return { files, processing };
}

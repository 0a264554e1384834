import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type ImportKind, importKinds } from '../import-types.ts';

/**
 * A seller's drop folder, `<root>/<org-slug>/`:
 *   <kind>/       one per kind of import (invoices/, customers/…): files to import are put here;
 *   processing/   `<run id>/<file>` while its run executes (the move in is the run taking the file);
 *   processed/    files whose run completed, with `<file>.summary.json` (and `<file>.report.csv`);
 *   failed/       files whose run was rejected or failed, with the same two files beside them.
 * Folders are made owner-only (0700): the files are a seller's receivables.
 */
export interface DropFolder {
  root: string;
  kind: (kind: ImportKind) => string;
  processing: string;
  processed: string;
  failed: string;
}

/** Slugs are lower-case words and hyphens; anything else never becomes a path. */
export const safeSlug = (slug: string) => /^[a-z0-9][a-z0-9-]{0,99}$/.test(slug);

export function dropFolderOf(dropRoot: string, slug: string): DropFolder {
  if (!safeSlug(slug)) throw new Error(`not a drop-folder slug: ${JSON.stringify(slug)}`);
  const root = path.join(dropRoot, slug);
  return {
    root,
    kind: (kind) => path.join(root, kind),
    processing: path.join(root, 'processing'),
    processed: path.join(root, 'processed'),
    failed: path.join(root, 'failed'),
  };
}

/** Makes the seller's folders that are missing (owner-only); existing ones are left as they are. */
export async function ensureDropFolder(folder: DropFolder): Promise<void> {
  for (const dir of [...importKinds.map(folder.kind), folder.processing, folder.processed, folder.failed])
    await mkdir(dir, { recursive: true, mode: 0o700 });
}

/** A file a person or an ERP is still writing, or a system's litter: never imported. */
export function ignoredFileName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    /\.(tmp|part|partial|crdownload|filepart|swp)$/i.test(name) ||
    /\.(summary\.json|report\.csv)$/i.test(name)
  );
}

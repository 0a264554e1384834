import type { Database } from '../../../db/client.ts';
import type { ImportKind } from '../import-types.ts';
import { findProfiles, type ImportProfile } from './import-profiles.repository.ts';

/** The seller's mapping profiles, by kind and name; one kind's when `kind` is given. */
export function listImportProfiles(
  deps: { db: Database },
  input: { orgId: string; kind?: ImportKind | undefined },
): Promise<ImportProfile[]> {
  return findProfiles(deps.db, input);
}

import type { Database } from '../../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { ImportKind } from '../import-types.ts';
import { findProfile, findProfileByName, type ImportProfile } from './import-profiles.repository.ts';

/** One of the seller's mapping profiles, by id or by kind and name; `not_found` otherwise (another seller's too). */
export async function getImportProfile(
  deps: { db: Database },
  input: { orgId: string; profileId: string } | { orgId: string; kind: ImportKind; name: string },
): Promise<ImportProfile> {
  const profile =
    'profileId' in input ? await findProfile(deps.db, input) : await findProfileByName(deps.db, input);
  if (!profile) throw notFound();
  return profile;
}

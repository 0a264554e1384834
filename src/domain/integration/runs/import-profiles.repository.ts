import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB, ImportProfilesTable } from '../../../db/schema.ts';
import type { ImportKind, ImportSettings } from '../import-types.ts';

/** The SQL of mapping profiles: a seller's saved ways to read one kind of file, unique by name per kind. */
type Db = Kysely<DB> | Transaction<DB>;

export interface ImportProfile {
  id: string;
  kind: ImportKind;
  name: string;
  settings: ImportSettings;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function importProfileOf(row: Selectable<ImportProfilesTable>): ImportProfile {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    settings: row.settings as ImportSettings,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Inserts the profile, or replaces the settings of the one of that kind with that name. */
export async function upsertProfile(
  db: Db,
  row: {
    orgId: string;
    id: string;
    kind: ImportKind;
    name: string;
    settings: ImportSettings;
    createdBy: string | null;
  },
): Promise<{ profile: ImportProfile; before: ImportSettings | null }> {
  const before = await db
    .selectFrom('import_profiles')
    .select('settings')
    .where('org_id', '=', row.orgId)
    .where('kind', '=', row.kind)
    .where('name', '=', row.name)
    .forUpdate()
    .executeTakeFirst();
  const saved = await db
    .insertInto('import_profiles')
    .values({
      org_id: row.orgId,
      id: row.id,
      kind: row.kind,
      name: row.name,
      settings: JSON.stringify(row.settings),
      created_by: row.createdBy,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'kind', 'name']).doUpdateSet({
        settings: JSON.stringify(row.settings),
        updated_at: sql<Date>`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return {
    profile: importProfileOf(saved),
    before: (before?.settings as ImportSettings | undefined) ?? null,
  };
}

export async function findProfile(
  db: Db,
  key: { orgId: string; profileId: string },
): Promise<ImportProfile | null> {
  const row = await db
    .selectFrom('import_profiles')
    .selectAll()
    .where('org_id', '=', key.orgId)
    .where('id', '=', key.profileId)
    .executeTakeFirst();
  return row ? importProfileOf(row) : null;
}

export async function findProfileByName(
  db: Db,
  key: { orgId: string; kind: ImportKind; name: string },
): Promise<ImportProfile | null> {
  const row = await db
    .selectFrom('import_profiles')
    .selectAll()
    .where('org_id', '=', key.orgId)
    .where('kind', '=', key.kind)
    .where('name', '=', key.name)
    .executeTakeFirst();
  return row ? importProfileOf(row) : null;
}

export async function findProfiles(
  db: Db,
  key: { orgId: string; kind?: ImportKind | undefined },
): Promise<ImportProfile[]> {
  const rows = await db
    .selectFrom('import_profiles')
    .selectAll()
    .where('org_id', '=', key.orgId)
    .$if(key.kind !== undefined, (q) => q.where('kind', '=', key.kind!))
    .orderBy('kind')
    .orderBy('name')
    .execute();
  return rows.map(importProfileOf);
}

export async function removeProfile(
  db: Db,
  key: { orgId: string; profileId: string },
): Promise<ImportProfile | null> {
  const row = await db
    .deleteFrom('import_profiles')
    .where('org_id', '=', key.orgId)
    .where('id', '=', key.profileId)
    .returningAll()
    .executeTakeFirst();
  return row ? importProfileOf(row) : null;
}

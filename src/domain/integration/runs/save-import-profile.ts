import type { Database } from '../../../db/client.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { type Actor, recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../shared/ids.ts';
import { type ImportKind, importKinds } from '../import-types.ts';
import { type ImportProfile, upsertProfile } from './import-profiles.repository.ts';
import { hasBadText, parseImportSettings } from './import-settings.ts';

/**
 * Saves a mapping profile for one kind of import under a name: a new one, or new settings for the
 * profile of that kind already called so (upsert by name). Settings are checked against the closed
 * shape and the kind's fields (parseImportSettings). A profile named "default" (or a kind's only
 * profile) is what the drop folder reads its files with.
 */
export async function saveImportProfile(
  deps: { db: Database },
  input: { orgId: string; kind: ImportKind; name: string; settings: unknown; actor: Actor },
): Promise<ImportProfile> {
  if (!(importKinds as readonly string[]).includes(input.kind))
    throw new AppError('validation_failed', {}, [{ field: 'kind', code: 'invalid' }]);
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100 || hasBadText(name))
    throw new AppError('validation_failed', {}, [{ field: 'name', code: 'invalid' }]);
  const settings = parseImportSettings(input.kind, input.settings);
  return inTransaction(deps.db, async (trx) => {
    const { profile, before } = await upsertProfile(trx, {
      orgId: input.orgId,
      id: newId(),
      kind: input.kind,
      name,
      settings,
      createdBy: input.actor.userId ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'import_profile.saved',
      entityType: 'import_profile',
      entityId: profile.id,
      before: before === null ? undefined : { settings: before },
      after: { kind: profile.kind, name: profile.name, settings: profile.settings },
    });
    return profile;
  });
}

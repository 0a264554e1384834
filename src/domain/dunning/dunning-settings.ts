import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { recipientsOf } from '../collections/collections.repository.ts';
import { customerExists } from '../customers/customers.repository.ts';
import { AppError } from '../errors.ts';
import {
  type DunningMode,
  type DunningStep,
  type HoldRules,
  listDunningRuns,
  loadCustomerMode,
  loadDunningSettings,
  loadSteps,
  MAX_STEPS,
  nextDunningRun,
  recentReminders,
  reminderTemplates,
  replaceSteps,
  saveCustomerMode,
  saveDunningSettings,
} from './dunning.repository.ts';

/** The problems of a sequence of steps: a step a day apart from −90 to +365, each once, at most ten. */
function stepProblems(steps: DunningStep[], field = 'steps') {
  const fields: { field: string; code: string; params?: Record<string, number> }[] = [];
  if (steps.length > MAX_STEPS) fields.push({ field, code: 'too_many_steps', params: { max: MAX_STEPS } });
  const seen = new Set<number>();
  steps.forEach((s, i) => {
    if (!Number.isInteger(s.offsetDays) || s.offsetDays < -90 || s.offsetDays > 365)
      fields.push({ field: `${field}/${i}/offsetDays`, code: 'invalid' });
    else if (seen.has(s.offsetDays))
      fields.push({ field: `${field}/${i}/offsetDays`, code: 'duplicate_offset' });
    seen.add(s.offsetDays);
    if (!(reminderTemplates as readonly string[]).includes(s.template))
      fields.push({ field: `${field}/${i}/template`, code: 'invalid' });
  });
  return fields;
}

const byOffset = (steps: DunningStep[]) =>
  [...steps]
    .sort((a, b) => a.offsetDays - b.offsetDays)
    .map((s) => ({ offsetDays: s.offsetDays, template: s.template }));

/** The console's view: settings, the seller's steps, the next run and the latest runs. */
export async function getDunning(deps: { db: Database }, input: { orgId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const [settings, steps, nextRunAt, runs, org] = await Promise.all([
    loadDunningSettings(deps.db, input.orgId),
    loadSteps(deps.db, input.orgId, null),
    nextDunningRun(deps.db, input.orgId, now),
    listDunningRuns(deps.db, input.orgId),
    deps.db
      .selectFrom('organizations')
      .select('time_zone')
      .where('id', '=', input.orgId)
      .executeTakeFirstOrThrow(),
  ]);
  return { ...settings, steps, nextRunAt, runs, timeZone: org.time_zone };
}

/** Saves the settings and the seller's steps together (audited). */
export async function updateDunning(
  deps: { db: Database },
  input: {
    orgId: string;
    actor: Actor;
    enabled: boolean;
    hour: number;
    steps: DunningStep[];
    holdRules: HoldRules;
  },
): Promise<void> {
  const fields = stepProblems(input.steps);
  if (!Number.isInteger(input.hour) || input.hour < 0 || input.hour > 23)
    fields.push({ field: 'hour', code: 'invalid' });
  const days = input.holdRules.overdueDays;
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650))
    fields.push({ field: 'holdRules/overdueDays', code: 'invalid' });
  if (fields.length) throw new AppError('validation_failed', {}, fields);
  const steps = byOffset(input.steps);
  await inTransaction(deps.db, async (trx) => {
    const [before, beforeSteps] = await Promise.all([
      loadDunningSettings(trx, input.orgId),
      loadSteps(trx, input.orgId, null),
    ]);
    await saveDunningSettings(trx, {
      orgId: input.orgId,
      enabled: input.enabled,
      hour: input.hour,
      holdRules: input.holdRules,
      userId: input.actor.userId ?? null,
    });
    await replaceSteps(trx, { orgId: input.orgId, customerId: null, steps });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'dunning.settings_updated',
      entityType: 'dunning_settings',
      entityId: input.orgId,
      before: { enabled: before.enabled, hour: before.hour, holdRules: before.holdRules, steps: beforeSteps },
      after: { enabled: input.enabled, hour: input.hour, holdRules: input.holdRules, steps },
    });
  });
}

/** A customer's reminders: whose steps it follows, those steps, who receives, what it was sent. */
export async function getCustomerDunning(
  deps: { db: Database },
  input: { orgId: string; customerId: string },
) {
  if (!(await customerExists(deps.db, input))) throw new AppError('not_found');
  const [mode, own, defaults, recipients, recent] = await Promise.all([
    loadCustomerMode(deps.db, input.orgId, input.customerId),
    loadSteps(deps.db, input.orgId, input.customerId),
    loadSteps(deps.db, input.orgId, null),
    recipientsOf(deps.db, input.orgId, [input.customerId]),
    recentReminders(deps.db, input.orgId, input.customerId),
  ]);
  return {
    mode,
    steps: mode === 'custom' ? own : defaults,
    defaultSteps: defaults,
    recipients: recipients.get(input.customerId) ?? [],
    recent,
  };
}

/**
 * Sets whose steps a customer follows: the seller's ('default'), its own ('custom', with them),
 * or none ('off': no reminder goes, though "send reminder now" still can). Audited.
 */
export async function updateCustomerDunning(
  deps: { db: Database },
  input: {
    orgId: string;
    customerId: string;
    actor: Actor;
    mode: DunningMode;
    steps?: DunningStep[] | undefined;
  },
): Promise<void> {
  const steps = input.steps ?? [];
  const fields = input.mode === 'custom' ? stepProblems(steps) : [];
  if (input.mode === 'custom' && steps.length === 0) fields.push({ field: 'steps', code: 'required' });
  if (fields.length) throw new AppError('validation_failed', {}, fields);
  await inTransaction(deps.db, async (trx) => {
    if (!(await customerExists(trx, input))) throw new AppError('not_found');
    const before = await loadCustomerMode(trx, input.orgId, input.customerId);
    await saveCustomerMode(trx, { ...input, userId: input.actor.userId ?? null });
    await replaceSteps(trx, {
      orgId: input.orgId,
      customerId: input.customerId,
      steps: input.mode === 'custom' ? byOffset(steps) : [],
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'customer_account.dunning_updated',
      entityType: 'customer_account',
      entityId: input.customerId,
      before: { mode: before },
      after: { mode: input.mode, ...(input.mode === 'custom' ? { steps: byOffset(steps) } : {}) },
    });
  });
}

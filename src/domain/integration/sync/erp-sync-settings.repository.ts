import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, ErpMarking, ErpSyncFrequency, PaymentMethod } from '../../../db/schema.ts';
import type { CsvStyle } from './confirmation-document.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The manual methods whose ERP payment account lives here (card and ACH keep theirs in payment settings). */
export const manualMethods = ['check', 'cash', 'bank_transfer', 'card_terminal', 'other'] as const;
export type ManualMethod = (typeof manualMethods)[number];

/** A seller's sync settings (erp_sync_settings; a seller without a row has the defaults). */
export interface ErpSyncSettings {
  frequency: ErpSyncFrequency;
  /** Local wall-clock time of the daily export, HH:MM in the seller's time zone. */
  dailyAt: string;
  marking: ErpMarking;
  csv: CsvStyle;
  erpAccounts: Record<ManualMethod, string | null>;
  recipients: string[];
}

export interface ErpSyncState {
  lastError: { code: string; at: Date } | null;
}

export const defaultErpSyncSettings: ErpSyncSettings = {
  frequency: 'off',
  dailyAt: '06:00',
  marking: 'manual',
  csv: { delimiter: ',', decimalMark: '.', dates: 'iso' },
  erpAccounts: { check: null, cash: null, bank_transfer: null, card_terminal: null, other: null },
  recipients: [],
};

export async function loadErpSyncSettings(db: Db, orgId: string): Promise<ErpSyncSettings & ErpSyncState> {
  const row = await db
    .selectFrom('erp_sync_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return { ...defaultErpSyncSettings, lastError: null };
  return {
    frequency: row.frequency,
    dailyAt: row.daily_at,
    marking: row.marking,
    csv: { delimiter: row.csv_delimiter, decimalMark: row.csv_decimal, dates: row.csv_dates },
    erpAccounts: {
      check: row.erp_account_check,
      cash: row.erp_account_cash,
      bank_transfer: row.erp_account_bank_transfer,
      card_terminal: row.erp_account_card_terminal,
      other: row.erp_account_other,
    },
    recipients: row.recipients,
    lastError:
      row.last_error_code && row.last_error_at ? { code: row.last_error_code, at: row.last_error_at } : null,
  };
}

/**
 * Stores the settings. When the schedule changed, `last_slot` becomes now: the slot that has just
 * passed counts as done, so the first scheduled export is the next slot, not an immediate one.
 */
export async function saveErpSyncSettings(
  db: Db,
  input: { orgId: string; settings: ErpSyncSettings; scheduleChanged: boolean; updatedBy: string | null },
): Promise<void> {
  const s = input.settings;
  const values = {
    frequency: s.frequency,
    daily_at: s.dailyAt,
    marking: s.marking,
    csv_delimiter: s.csv.delimiter,
    csv_decimal: s.csv.decimalMark,
    csv_dates: s.csv.dates,
    erp_account_check: s.erpAccounts.check,
    erp_account_cash: s.erpAccounts.cash,
    erp_account_bank_transfer: s.erpAccounts.bank_transfer,
    erp_account_card_terminal: s.erpAccounts.card_terminal,
    erp_account_other: s.erpAccounts.other,
    recipients: s.recipients,
    updated_by: input.updatedBy,
  };
  const slot = input.scheduleChanged ? { last_slot: sql<Date>`now()` } : {};
  await db
    .insertInto('erp_sync_settings')
    .values({ org_id: input.orgId, ...values, last_slot: sql<Date>`now()` })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...values, ...slot, updated_at: sql`now()` }))
    .execute();
}

/** The ERP payment account for a method: card and ACH from payment settings, the rest from here. */
export function erpAccountFor(
  method: PaymentMethod,
  accounts: { card: string | null; ach: string | null } & Record<ManualMethod, string | null>,
): string | null {
  return accounts[method] ?? null;
}

/** A scheduled export failed: kept for the settings page until one succeeds. */
export async function recordScheduledExportError(db: Db, input: { orgId: string; code: string }) {
  await db
    .insertInto('erp_sync_settings')
    .values({ org_id: input.orgId, last_error_code: input.code, last_error_at: sql`now()` })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ last_error_code: input.code, last_error_at: sql`now()` }),
    )
    .execute();
}

export async function clearScheduledExportError(db: Db, orgId: string) {
  await db
    .updateTable('erp_sync_settings')
    .set({ last_error_code: null, last_error_at: null })
    .where('org_id', '=', orgId)
    .where('last_error_code', 'is not', null)
    .execute();
}

/**
 * The sellers whose latest schedule slot (at or before `now`, in their time zone) has no export
 * queued yet, each moved to that slot in the same statement: a conditional update, so two sweeps
 * at once queue a slot once, and a sweep after downtime finds only the latest slot (a missed run
 * catches up once). Slots: every hour on the hour, every 4 hours from local midnight (00, 04, 08…),
 * or daily at `daily_at` local time; PostgreSQL turns local wall-clock time into an instant
 * across DST changes (a 02:30 that a spring-forward skips runs at 03:30).
 */
export async function claimDueSlots(db: Db, now: Date): Promise<{ orgId: string; slot: Date }[]> {
  const { rows } = await sql<{ org_id: string; slot: Date }>`
    with due as (
      select s.org_id,
             (case s.frequency
                when 'hourly' then date_trunc('hour', local.t)
                when 'every_4_hours' then date_trunc('day', local.t)
                  + make_interval(hours => (extract(hour from local.t)::int / 4) * 4)
                else date_trunc('day', local.t) + s.daily_at::interval
                  - case when local.t::time < s.daily_at::time then interval '1 day' else interval '0' end
              end) at time zone o.time_zone as slot
        from erp_sync_settings s
        join organizations o on o.id = s.org_id
        cross join lateral (select (${now}::timestamptz at time zone o.time_zone) as t) local
       where s.frequency <> 'off'
    )
    update erp_sync_settings s
       set last_slot = due.slot
      from due
     where s.org_id = due.org_id and (s.last_slot is null or s.last_slot < due.slot)
    returning s.org_id, due.slot
  `.execute(db);
  return rows.map((r) => ({ orgId: r.org_id, slot: r.slot }));
}

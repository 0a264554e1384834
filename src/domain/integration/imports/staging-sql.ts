import { type RawBuilder, sql } from 'kysely';
import { MINOR_UNIT_EXPONENTS } from '../../money/exponents.ts';
import { MAX_MINOR } from '../../money/parse-money.ts';
import type { StagingContext } from './kind-importer.ts';

/**
 * The SQL the customers, contacts, payments, holds and aging importers share over the engine's
 * staging table (kind-importer.ts): every check is one statement over all staged rows, never a
 * query per row, and every lookup is of the importing seller only.
 */

/**
 * Queues imports of one kind for one seller behind each other (a transaction advisory lock, held
 * to commit): two files upserting the same ERP ids at once would otherwise race to the same
 * unique keys; the later one sees what the earlier committed and finds it unchanged.
 */
export function lockKind(ctx: StagingContext, kind: string): Promise<void> {
  return run(ctx, sql`select pg_advisory_xact_lock(hashtextextended(${`import:${kind}:${ctx.orgId}`}, 0))`);
}

/** The staging table. */
export const staged = (ctx: StagingContext) => sql.table(ctx.table);

export async function run(ctx: StagingContext, query: RawBuilder<unknown>): Promise<void> {
  await query.execute(ctx.trx);
}

export async function rows<R>(ctx: StagingContext, query: RawBuilder<R>): Promise<R[]> {
  return (await query.execute(ctx.trx)).rows;
}

/**
 * Records an error for each row `select` returns (columns line, field, code, params jsonb);
 * the rows are rejected by rejectErrored.
 */
export function addErrors(ctx: StagingContext, select: RawBuilder<unknown>): Promise<void> {
  return run(ctx, sql`insert into import_errors_stage (line, field, code, params) ${select}`);
}

/** Marks rejected every row that has an error, and with `documentKey`, every row of its document. */
export async function rejectErrored(ctx: StagingContext, documentKey?: string): Promise<void> {
  await run(
    ctx,
    sql`update ${staged(ctx)} set rejected = true
         where not rejected and line in (select e.line from import_errors_stage e where e.line is not null)`,
  );
  if (documentKey) {
    const key = sql.ref(documentKey);
    await run(
      ctx,
      sql`update ${staged(ctx)} s set rejected = true
           where not s.rejected
             and s.${key} in (select r.${key} from ${staged(ctx)} r where r.rejected and r.${key} is not null)`,
    );
  }
}

/** A `required` error for each row not yet rejected where a required field is empty. */
export async function requireFields(ctx: StagingContext, fields: readonly string[]): Promise<void> {
  for (const field of fields)
    await addErrors(
      ctx,
      sql`select s.line, ${field}, 'required', '{}'::jsonb from ${staged(ctx)} s
           where not s.rejected and s.${sql.ref(field)} is null`,
    );
}

/**
 * `duplicate_in_file` on every row after the first of a document: rows with the same `key` (SQL
 * over the staging row `s`) as an earlier row not rejected. params: the value repeated (`number`,
 * as the invoices importer says it; by default the field's cell) and the first line (`line`).
 */
export function flagDuplicates(
  ctx: StagingContext,
  key: RawBuilder<unknown>,
  field: string,
  shown: RawBuilder<unknown> = sql`s.${sql.ref(field)}`,
): Promise<void> {
  return addErrors(
    ctx,
    sql`select d.line, ${field}, 'duplicate_in_file', jsonb_build_object('number', d.shown, 'line', d.first_line)
          from (select s.line, (${shown})::text as shown, min(s.line) over (partition by ${key}) as first_line
                  from ${staged(ctx)} s where not s.rejected and (${key}) is not null) d
         where d.line > d.first_line`,
  );
}

/**
 * The seller's customer a reference names: its ERP id, else its account number (the ERP's
 * customer code is often both). Another seller's customers are never found.
 */
export function customerByRef(ctx: StagingContext, ref: RawBuilder<unknown>): RawBuilder<string | null> {
  return sql<string | null>`coalesce(
    (select c.id from customer_accounts c where c.org_id = ${ctx.orgId} and c.erp_id = ${ref}),
    (select c.id from customer_accounts c where c.org_id = ${ctx.orgId} and c.account_number = ${ref}))`;
}

/** `unknown_customer` for each row whose customer_erp_id is not one of the seller's customers. */
export function flagUnknownCustomers(ctx: StagingContext): Promise<void> {
  return addErrors(
    ctx,
    sql`select s.line, 'customer_erp_id', 'unknown_customer', jsonb_build_object('customer', s.customer_erp_id)
          from ${staged(ctx)} s
         where not s.rejected and s.customer_erp_id is not null
           and ${customerByRef(ctx, sql`s.customer_erp_id`)} is null`,
  );
}

const exponentList = sql.join(
  Object.entries(MINOR_UNIT_EXPONENTS).map(([code, digits]) => sql`(${code}, ${digits}::int)`),
);

/** The minor-unit exponent of a currency (SQL), from the same table as money/currency.ts: 2 unless listed. */
export function exponentOf(currency: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`coalesce((select ex.digits from (values ${exponentList}) ex(code, digits) where ex.code = ${currency}), 2)`;
}

/** A staged major-unit amount in minor units (numeric; whole when the amount fits the currency). */
export function minorOf(amount: RawBuilder<unknown>, currency: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(${amount} * power(10::numeric, ${exponentOf(currency)}))`;
}

/**
 * An amount's problem, if any (SQL: an error code or null): more decimals than the currency has
 * (`too_many_decimals`), beyond ±10^15 minor units (`amount_too_large`), and by `rule` not above
 * zero (`amount_not_positive`) or below it (`amount_negative`), or either sign (`any`).
 */
export function amountProblem(
  amount: RawBuilder<unknown>,
  currency: RawBuilder<unknown>,
  rule: 'positive' | 'not_negative' | 'any',
): RawBuilder<string | null> {
  const minor = minorOf(amount, currency);
  const sign =
    rule === 'positive'
      ? sql`when ${amount} <= 0 then 'amount_not_positive'`
      : rule === 'not_negative'
        ? sql`when ${amount} < 0 then 'amount_negative'`
        : sql``;
  return sql<string | null>`case
    when ${amount} is null then null
    when ${minor} <> trunc(${minor}) then 'too_many_decimals'
    when abs(${minor}) > ${MAX_MINOR.toString()}::numeric then 'amount_too_large'
    ${sign}
    else null end`;
}

/** The params of an amount error: the currency's decimals or the limit. */
export function amountParams(
  problem: RawBuilder<unknown>,
  currency: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return sql`case ${problem}
    when 'too_many_decimals' then jsonb_build_object('digits', ${exponentOf(currency)})
    when 'amount_too_large' then jsonb_build_object('limit', ${MAX_MINOR.toString()}::text)
    else '{}'::jsonb end`;
}

/** Minor units in major units as text for params ("1234.56"), the way the summary and reviews show them. */
export function majorText(minor: RawBuilder<unknown>, currency: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`trim_scale((${minor})::numeric / power(10::numeric, ${exponentOf(currency)}))::text`;
}

/** The seller's calendar date today in its own time zone (customers/balances.ts orgToday). */
export function orgTodaySql(ctx: StagingContext): RawBuilder<string> {
  return sql<string>`(select (now() at time zone o.time_zone)::date from organizations o where o.id = ${ctx.orgId})`;
}

/**
 * Appends audit rows, one per row `select` returns (columns action, entity_type, entity_id,
 * before jsonb, after jsonb), by the import's actor: the same log the console writes.
 */
export function auditRows(ctx: StagingContext, select: RawBuilder<unknown>): Promise<void> {
  const { actor } = ctx;
  return run(
    ctx,
    sql`insert into audit_log (org_id, id, actor_user_id, actor_api_key_id, action, entity_type, entity_id,
                               before, after, request_id, ip)
        select ${ctx.orgId}, uuidv7(), ${actor.userId ?? null}::uuid, ${actor.apiKeyId ?? null}::uuid,
               a.action, a.entity_type, a.entity_id::text, a.before, a.after, ${actor.requestId ?? null},
               ${actor.ip ?? null}::inet
          from (${select}) a(action, entity_type, entity_id, before, after)`,
  );
}

/** Counts of the documents of the staged rows: all, and those with a rejected row. */
export async function documentCounts(
  ctx: StagingContext,
  key: RawBuilder<unknown>,
): Promise<{ documents: number; rejected: number }> {
  const [row] = await rows<{ documents: number; rejected: number }>(
    ctx,
    sql`select count(distinct ${key})::int as documents,
               count(distinct ${key}) filter (where s.rejected)::int as rejected
          from ${staged(ctx)} s`,
  );
  return row ?? { documents: 0, rejected: 0 };
}

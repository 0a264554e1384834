import type { Database } from '../../db/client.ts';
import { addBusinessDays } from '../../domain/calendar/business-days.ts';
import {
  completeRefund,
  dayOf,
  payoutDayOf,
  recordEvent,
  returnSettled,
  SANDBOX_COUNTRY,
  sandboxId,
  settleOrReturn,
} from './sandbox.repository.ts';
import { sandboxDb } from './sandbox-tables.ts';
import {
  achBehaviours,
  LATE_RETURN_BUSINESS_DAYS,
  lateReturnOf,
  returnFailure,
} from './sandbox-test-numbers.ts';
import { SIGNATURE_HEADER, signatureHeader, webhookUrl } from './sandbox-webhooks.ts';

/**
 * The sandbox's clock: what a processor does while nobody is calling it. Each run, as of `now`:
 * 1. ACH debits whose day has come settle, or come back with their test account's return code;
 *    a settled debit of the late-return test account comes back LATE_RETURN_BUSINESS_DAYS later;
 * 2. pending (ACH) refunds go through;
 * 3. each business day that has ended gets its payouts, one per seller, method kind and currency,
 *    carrying that day's balance entries (net = charges − refunds − fees), arriving the next
 *    business day; payouts whose arrival day has come are paid;
 * 4. undelivered events are POSTed to the seller's webhook URL, signed, oldest first; a failure
 *    is retried with exponential backoff (1 min doubling, at most 6 h apart, 15 attempts).
 * Every step claims its rows with a conditional update or a skip-locked lock, so runs may overlap
 * (several workers) and a missed run catches up on the next one. Schedule it every minute.
 */
export interface SandboxClockDeps {
  db: Database;
  publicUrl: string;
  /** The signing secret, one for all sellers or looked up per seller. */
  webhookSecret: string | ((orgId: string) => string | Promise<string>);
  now: Date;
  /**
   * The time deliveries are signed at; default `now`. A clock run ahead of the wall clock (the
   * `saldo sandbox advance` command) signs at the wall clock, as the endpoint checks against it.
   */
  signAt?: Date;
  /** Sends one delivery and answers its HTTP status (0 when it could not connect). Default: fetch. */
  deliver?: (url: string, body: string, headers: Record<string, string>) => Promise<number>;
}

export interface SandboxClockResult {
  settled: number;
  returned: number;
  refunds: number;
  payoutsCreated: number;
  payoutsPaid: number;
  delivered: number;
  deliveryFailures: number;
}

const BATCH = 200;
const MAX_ATTEMPTS = 15;
const MAX_BACKOFF_MINUTES = 360;
/** How long a claimed delivery stays claimed before another run may try it (a crashed run). */
const DELIVERY_LEASE_MS = 5 * 60_000;
const DELIVERY_TIMEOUT_MS = 10_000;

function deliveryBackoffMs(attempts: number): number {
  return Math.min(2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_MINUTES) * 60_000;
}

async function fetchDeliver(url: string, body: string, headers: Record<string, string>): Promise<number> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return 0;
  }
}

export async function runSandboxClock(
  deps: SandboxClockDeps,
  input: { orgId?: string } = {},
): Promise<SandboxClockResult> {
  const db = sandboxDb(deps.db);
  const { now } = deps;
  const today = dayOf(now);
  const result: SandboxClockResult = {
    settled: 0,
    returned: 0,
    refunds: 0,
    payoutsCreated: 0,
    payoutsPaid: 0,
    delivered: 0,
    deliveryFailures: 0,
  };

  // 1. ACH debits due today or earlier.
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      let query = trx
        .selectFrom('sandbox_charges as c')
        .innerJoin('sandbox_methods as m', (join) =>
          join.onRef('m.org_id', '=', 'c.org_id').onRef('m.token', '=', 'c.method_token'),
        )
        .selectAll('c')
        .select('m.behaviour')
        .where('c.status', '=', 'processing')
        .where('c.settles_on', '<=', today)
        .orderBy('c.settles_on')
        .limit(BATCH)
        .forUpdate('c')
        .skipLocked();
      if (input.orgId) query = query.where('c.org_id', '=', input.orgId);
      const due = await query.execute();
      for (const { behaviour, ...charge } of due) {
        const code = behaviour !== 'settles' && (achBehaviours as readonly string[]).includes(behaviour);
        await settleOrReturn(
          trx,
          charge,
          code ? behaviour : null,
          code ? returnFailure(behaviour) : null,
          now,
        );
        if (code) result.returned += 1;
        else result.settled += 1;
      }
      return due.length < BATCH;
    });
    if (done) break;
  }

  // 1b. Settled debits of the late-return test account whose return day has come.
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const settled = await trx
        .selectFrom('sandbox_charges')
        .selectAll()
        .where('status', '=', 'settled')
        .where('method_token', 'like', 'pm\\_sb\\_late%')
        .where('settles_on', '<=', today)
        .$if(Boolean(input.orgId), (q) => q.where('org_id', '=', input.orgId!))
        .orderBy('settles_on')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      let due = 0;
      for (const charge of settled) {
        const code = lateReturnOf(charge.method_token);
        if (!code || !charge.settles_on) continue;
        if (addBusinessDays(SANDBOX_COUNTRY, charge.settles_on, LATE_RETURN_BUSINESS_DAYS) > today) continue;
        due += 1;
        if (await returnSettled(trx, charge, code, returnFailure(code), now)) result.returned += 1;
      }
      // Not yet due ones stay settled, and come first again: stop when a batch returned nothing.
      return settled.length < BATCH || due === 0;
    });
    if (done) break;
  }

  // 2. Pending refunds.
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const refunds = await trx
        .updateTable('sandbox_refunds')
        .set({ status: 'succeeded', succeeded_at: now })
        .where(
          'id',
          'in',
          trx
            .selectFrom('sandbox_refunds')
            .select('id')
            .where('status', '=', 'pending')
            .where('created_at', '<=', now)
            .$if(Boolean(input.orgId), (q) => q.where('org_id', '=', input.orgId!))
            .limit(BATCH)
            .forUpdate()
            .skipLocked(),
        )
        .where('status', '=', 'pending')
        .returningAll()
        .execute();
      for (const refund of refunds) await completeRefund(trx, refund, now);
      result.refunds += refunds.length;
      return refunds.length < BATCH;
    });
    if (done) break;
  }

  // 3a. Payouts for business days that have ended.
  const groups = await db
    .selectFrom('sandbox_balance_entries')
    .select(['org_id', 'method_kind', 'currency', 'payout_day'])
    .distinct()
    .where('payout_id', 'is', null)
    .where('payout_day', '<', today)
    .$if(Boolean(input.orgId), (q) => q.where('org_id', '=', input.orgId!))
    .orderBy('payout_day')
    .execute();
  for (const group of groups) {
    await db.transaction().execute(async (trx) => {
      // A run that got here first has already taken these entries: the lock waits, then finds none.
      const entries = await trx
        .selectFrom('sandbox_balance_entries')
        .select(['id', 'amount', 'fee'])
        .where('org_id', '=', group.org_id)
        .where('method_kind', '=', group.method_kind)
        .where('currency', '=', group.currency)
        .where('payout_day', '=', group.payout_day)
        .where('payout_id', 'is', null)
        .forUpdate()
        .execute();
      if (entries.length === 0) return;
      const net = entries.reduce((sum, e) => sum + e.amount - e.fee, 0n);
      const payout = await trx
        .insertInto('sandbox_payouts')
        .values({
          org_id: group.org_id,
          id: sandboxId('po_sb_'),
          method_kind: group.method_kind,
          currency: group.currency,
          payout_day: group.payout_day,
          arrival_date: addBusinessDays(SANDBOX_COUNTRY, group.payout_day, 1),
          amount: net,
          status: 'in_transit',
          created_at: now,
          paid_at: null,
        })
        .onConflict((oc) => oc.columns(['org_id', 'method_kind', 'currency', 'payout_day']).doNothing())
        .returning('id')
        .executeTakeFirst();
      const ids = entries.map((e) => e.id);
      if (!payout) {
        // That day's payout has left already (an entry recorded after its day ended): the next one carries it.
        await trx
          .updateTable('sandbox_balance_entries')
          .set({ payout_day: payoutDayOf(now) })
          .where('org_id', '=', group.org_id)
          .where('id', 'in', ids)
          .execute();
        return;
      }
      await trx
        .updateTable('sandbox_balance_entries')
        .set({ payout_id: payout.id })
        .where('org_id', '=', group.org_id)
        .where('id', 'in', ids)
        .execute();
      result.payoutsCreated += 1;
    });
  }

  // 3b. Payouts whose arrival day has come.
  await db.transaction().execute(async (trx) => {
    const paid = await trx
      .updateTable('sandbox_payouts')
      .set({ status: 'paid', paid_at: now })
      .where('status', '=', 'in_transit')
      .where('arrival_date', '<=', today)
      .$if(Boolean(input.orgId), (q) => q.where('org_id', '=', input.orgId!))
      .returningAll()
      .execute();
    for (const payout of paid)
      await recordEvent(
        trx,
        payout.org_id,
        'payout.paid',
        {
          payoutId: payout.id,
          amount: payout.amount.toString(),
          currency: payout.currency,
          arrivalDate: payout.arrival_date,
          methodKind: payout.method_kind,
        },
        now,
      );
    result.payoutsPaid += paid.length;
  });

  // 4. Webhook deliveries, at least once: claimed with a lease, then sent outside any transaction.
  const deliver = deps.deliver ?? fetchDeliver;
  const secrets = new Map<string, string>();
  const secretOf = async (orgId: string) => {
    let secret = secrets.get(orgId);
    if (secret === undefined) {
      secret = typeof deps.webhookSecret === 'string' ? deps.webhookSecret : await deps.webhookSecret(orgId);
      secrets.set(orgId, secret);
    }
    return secret;
  };
  const claimedIds = new Set<string>();
  // Deliveries happen at the wall clock even when the clock runs ahead (`signAt`): a failed one is
  // retried by the every-minute job, not days from now.
  const sentAt = deps.signAt ?? now;
  for (let round = 0; round < 10; round++) {
    const claimed = await db
      .updateTable('sandbox_events')
      .set({ next_attempt_at: new Date(sentAt.getTime() + DELIVERY_LEASE_MS) })
      .where((eb) =>
        eb(
          eb.refTuple('org_id', 'id'),
          'in',
          eb
            .selectFrom('sandbox_events')
            .select(['org_id', 'id'])
            .where('delivered_at', 'is', null)
            .where('gave_up_at', 'is', null)
            .where('next_attempt_at', '<=', now)
            .$if(Boolean(input.orgId), (q) => q.where('org_id', '=', input.orgId!))
            .orderBy('created_at')
            .orderBy('seq')
            .limit(BATCH)
            .forUpdate()
            .skipLocked()
            .$asTuple('org_id', 'id'),
        ),
      )
      .returningAll()
      .execute();
    const fresh = claimed
      .filter((e) => !claimedIds.has(e.id))
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.seq < b.seq ? -1 : 1));
    if (fresh.length === 0) break;
    for (const event of fresh) {
      claimedIds.add(event.id);
      const body = JSON.stringify({
        id: event.id,
        type: event.type,
        created: Math.floor(event.created_at.getTime() / 1000),
        data: event.data,
      });
      const timestamp = Math.floor((deps.signAt ?? now).getTime() / 1000);
      const status = await deliver(webhookUrl(deps.publicUrl, event.org_id), body, {
        'content-type': 'application/json',
        'user-agent': 'Saldo-Sandbox/1',
        [SIGNATURE_HEADER]: signatureHeader(await secretOf(event.org_id), timestamp, body),
      });
      const attempts = event.attempts + 1;
      const ok = status >= 200 && status < 300;
      await db
        .updateTable('sandbox_events')
        .set({
          attempts,
          last_status: status,
          ...(ok
            ? { delivered_at: sentAt }
            : attempts >= MAX_ATTEMPTS
              ? { gave_up_at: now }
              : { next_attempt_at: new Date(sentAt.getTime() + deliveryBackoffMs(attempts)) }),
        })
        .where('org_id', '=', event.org_id)
        .where('id', '=', event.id)
        .execute();
      if (ok) result.delivered += 1;
      else result.deliveryFailures += 1;
    }
    if (claimed.length < BATCH) break;
  }
  return result;
}

import type { Task } from 'graphile-worker';
import { validate as isUuid } from 'uuid';
import type { Database } from '../../db/client.ts';
import { AUTOPAY_CHARGE_TASK } from '../../domain/autopay/autopay.repository.ts';
import type { AutopayMailer } from '../../domain/autopay/autopay-mail-port.ts';
import { planAutopayRun } from '../../domain/autopay/plan-autopay-run.ts';
import { type AutopayChargeJob, runAutopayCharge } from '../../domain/autopay/run-autopay-charge.ts';
import { sendAutopayNotices } from '../../domain/autopay/send-autopay-notices.ts';
import type { Gateways } from '../../domain/payments/payment-gateway.ts';

export { AUTOPAY_CHARGE_TASK };
export const AUTOPAY_SWEEP_TASK = 'autopay.sweep';

export interface AutopayTaskDeps {
  db: Database;
  gateways: Gateways;
  mailer: AutopayMailer;
  publicUrl?: string | undefined;
}

/**
 * Hourly (crontab): each seller whose day has reached 06:00 gets today's notices and its due
 * charges planned, one `autopay.charge` job per charge (domain/autopay/plan-autopay-run.ts). Runs
 * again every hour, planning only what is new: a missed hour is caught up by the next.
 */
export function autopaySweepTask(deps: AutopayTaskDeps): Task {
  return async (_payload, helpers) => {
    const { sent } = await sendAutopayNotices(deps, {});
    const { enqueued } = await planAutopayRun(deps, {});
    if (sent || enqueued)
      helpers.logger.info(`autopay: ${sent} notice(s) queued, ${enqueued} charge(s) planned`);
  };
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The job's payload: a seller and its charges, each (enrollment, charge day, attempt). */
function payloadOf(payload: unknown): AutopayChargeJob[] | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { orgId, charges } = payload as Record<string, unknown>;
  if (typeof orgId !== 'string' || !isUuid(orgId) || !Array.isArray(charges) || charges.length > 10_000)
    return undefined;
  const out: AutopayChargeJob[] = [];
  // Each charge as "<enrollment id>/<charge day>/<attempt>" (compact: a big seller's sweep writes thousands).
  for (const charge of charges as unknown[]) {
    const [enrollmentId, chargeOn, attemptText] = typeof charge === 'string' ? charge.split('/') : [];
    const attempt = Number(attemptText);
    if (
      !enrollmentId ||
      !isUuid(enrollmentId) ||
      !chargeOn ||
      !dayPattern.test(chargeOn) ||
      !Number.isInteger(attempt) ||
      attempt < 1 ||
      attempt > 10
    )
      return undefined;
    out.push({ orgId, enrollmentId, chargeOn, attempt });
  }
  return out;
}

/**
 * Planned charges (domain/autopay/run-autopay-charge.ts), one after another: each claimed, charged
 * once, its answer recorded. A charge that throws (the database, a bug) fails the job after the
 * others ran; graphile-worker retries it, and the charges already made answer `already_done`.
 */
export function autopayChargeTask(deps: AutopayTaskDeps): Task {
  return async (payload, helpers) => {
    const charges = payloadOf(payload);
    if (!charges) {
      helpers.logger.error(`autopay.charge job ${helpers.job.id} has a malformed payload; dropped`);
      return;
    }
    let failure: unknown;
    for (const charge of charges) {
      try {
        const outcome = await runAutopayCharge(deps, charge);
        helpers.logger.info(
          `autopay ${charge.enrollmentId} ${charge.chargeOn} #${charge.attempt}: ${outcome}`,
        );
      } catch (error) {
        helpers.logger.error(
          `autopay ${charge.enrollmentId} ${charge.chargeOn} #${charge.attempt}: ${error}`,
        );
        failure ??= error;
      }
    }
    if (failure) throw failure;
  };
}

export function autopayTasks(deps: AutopayTaskDeps) {
  return { [AUTOPAY_SWEEP_TASK]: autopaySweepTask(deps), [AUTOPAY_CHARGE_TASK]: autopayChargeTask(deps) };
}

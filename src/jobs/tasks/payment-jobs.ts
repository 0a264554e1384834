import type { Task } from 'graphile-worker';
import type { Database } from '../../db/client.ts';
import type { Gateways } from '../../domain/payments/payment-gateway.ts';
import { reconcilePayments } from '../../domain/payments/reconcile-payments.ts';
import { sandboxWebhookSecret } from '../../gateways/resolve-gateways.ts';
import { runSandboxClock } from '../../gateways/sandbox/run-sandbox-clock.ts';

export const RECONCILE_PAYMENTS_TASK = 'payments.reconcile';
export const SANDBOX_CLOCK_TASK = 'sandbox.clock';

export interface PaymentTaskDeps {
  db: Database;
  gateways: Gateways;
  publicUrl: string;
  secretKey: Buffer;
}

/** Every 5 minutes: online payments left in doubt are settled by asking their processor. */
export function reconcilePaymentsTask(deps: PaymentTaskDeps): Task {
  return async (_payload, helpers) => {
    const result = await reconcilePayments(deps, { now: new Date() });
    if (result.settled || result.left)
      helpers.logger.info(`reconciled ${result.settled}, left ${result.left}`);
  };
}

/**
 * Every minute: the sandbox processor's clock — ACH debits settle or come back, refunds complete,
 * daily payouts are made, and its signed webhooks are delivered to Saldo's own endpoint.
 */
export function sandboxClockTask(deps: PaymentTaskDeps): Task {
  return async () => {
    await runSandboxClock({
      db: deps.db,
      publicUrl: deps.publicUrl,
      webhookSecret: (orgId) => sandboxWebhookSecret(deps.secretKey, orgId),
      now: new Date(),
    });
  };
}

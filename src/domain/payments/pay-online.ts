import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../errors.ts';
import { failPayment } from './fail-payment.ts';
import { markProcessing } from './mark-processing.ts';
import {
  type ChargeResult,
  GatewayRequestError,
  type Gateways,
  GatewayUnavailableError,
  type PaymentGateway,
  type ProcessorCustomer,
} from './payment-gateway.ts';
import {
  findProcessorCustomerId,
  insertSavedMethod,
  type SavedMethod,
  saveProcessorCustomerId,
} from './payment-methods.repository.ts';
import {
  findOnlinePaymentByKey,
  type OnlinePaymentState,
  setPaymentMethod,
  setPaymentMethodDetails,
} from './payments.repository.ts';
import { recordChargeResult } from './record-charge-result.ts';
import { type OnlinePaymentRequest, startOnlinePayment } from './start-online-payment.ts';

export interface PayOnlineResult {
  payment: OnlinePaymentState;
  /** requires_action: where the payer authenticates (3-D Secure). */
  actionUrl: string | null;
  replayed: boolean;
}

/** Saldo's key for the processor call of a payment: derived from the payment, so every retry sends the same. */
export const chargeKey = (paymentId: string) => `saldo-charge-${paymentId}`;

/**
 * Pays invoices online, end to end: the payment is started and stored (startOnlinePayment: rules,
 * pending amounts, the idempotency key), then — outside any transaction, since a processor call
 * must never hold locks — a new method is saved if asked, the processor charges under the
 * payment's own key, and its answer becomes the payment's next step (recordChargeResult). A
 * timeout leaves the payment `processing` for reconciliation; a retry of the same request
 * replays it, never charging twice. A decline is an answer (status failed), not an error.
 */
export async function payOnline(
  deps: { db: Database; gateways: Gateways },
  input: OnlinePaymentRequest & { customer: { name: string; email: string | null }; returnUrl: string },
): Promise<PayOnlineResult> {
  const started = await startOnlinePayment(deps, input);
  if (started.replayed && started.payment.status !== 'initiated')
    return { payment: started.payment, actionUrl: null, replayed: true };

  const gateway = await deps.gateways.forSeller(input.orgId);
  const { payment } = started;
  let token = started.replayed ? null : started.method.token;
  if (token === null) {
    // A replay of a payment that never reached the processor (the first request died before the
    // call): the method must be given again; the same request carries it.
    token = input.methodToken ?? null;
    if (!token) throw new AppError('payment_state_conflict', { from: 'initiated', to: 'processing' });
  }
  const customer = await processorCustomer(deps.db, gateway, input);

  let result: ChargeResult;
  try {
    if (!started.replayed && !started.method.saved && input.saveMethod && input.methodToken) {
      token = await saveMethod(deps.db, gateway, { ...input, customer, token, paymentId: payment.id });
      customer.processorCustomerId ??= await findProcessorCustomerId(deps.db, {
        orgId: input.orgId,
        customerId: input.customerId,
        processor: gateway.processor,
      });
    }
    // A replay can find the payment `initiated` while the first request is about to charge it:
    // only the request that moves it to processing calls the processor (two calls under one key
    // could each see the other's charge as a refusal, and fail a payment that was paid). The
    // other answers the payment as it stands; its final state is a status request away.
    if (!(await markProcessing(deps, { orgId: input.orgId, paymentId: payment.id })))
      return { payment: await current(deps.db, input), actionUrl: null, replayed: started.replayed };
    await keepMethodDetails(deps.db, gateway, {
      orgId: input.orgId,
      paymentId: payment.id,
      token,
      saved: started.replayed ? null : started.method.saved,
    });
    result = await gateway.charge({
      idempotencyKey: chargeKey(payment.id),
      amount: payment.amount + payment.feeAmount,
      currency: payment.currency,
      kind: input.kind,
      methodToken: token,
      customer,
      offSession: input.source === 'autopay',
      description: `${payment.number}`,
      metadata: { paymentId: payment.id, orgId: input.orgId },
      returnUrl: `${input.returnUrl}${payment.id}`,
    });
  } catch (error) {
    if (error instanceof GatewayUnavailableError) {
      // Unknown outcome: the payment stays processing; reconciliation asks the processor.
      await markProcessing(deps, { orgId: input.orgId, paymentId: payment.id });
      return { payment: await current(deps.db, input), actionUrl: null, replayed: started.replayed };
    }
    if (error instanceof GatewayRequestError) {
      await markProcessing(deps, { orgId: input.orgId, paymentId: payment.id });
      await failPayment(deps, {
        orgId: input.orgId,
        paymentId: payment.id,
        failure: { code: 'processing_error', processorMessage: `${error.processorCode}: ${error.detail}` },
      });
      return { payment: await current(deps.db, input), actionUrl: null, replayed: started.replayed };
    }
    throw error;
  }
  await recordChargeResult(deps, { orgId: input.orgId, paymentId: payment.id, result });
  return {
    payment: await current(deps.db, input),
    actionUrl: result.status === 'requires_action' ? result.actionUrl : null,
    replayed: started.replayed,
  };
}

async function current(db: Database, input: { orgId: string; idempotencyKey: string }) {
  return (await findOnlinePaymentByKey(db, input))!;
}

async function processorCustomer(
  db: Database,
  gateway: PaymentGateway,
  input: { orgId: string; customerId: string; customer: { name: string; email: string | null } },
): Promise<ProcessorCustomer> {
  return {
    processorCustomerId: await findProcessorCustomerId(db, {
      orgId: input.orgId,
      customerId: input.customerId,
      processor: gateway.processor,
    }),
    name: input.customer.name,
    email: input.customer.email,
    orgId: input.orgId,
    customerId: input.customerId,
  };
}

/** Keeps a new method for next time at the processor and in Saldo; answers the reusable token. */
async function saveMethod(
  db: Database,
  gateway: PaymentGateway,
  input: OnlinePaymentRequest & { customer: ProcessorCustomer; token: string; paymentId: string },
): Promise<string> {
  const saved = await gateway.saveMethod({
    idempotencyKey: `saldo-save-${input.paymentId}`,
    customer: input.customer,
    methodToken: input.token,
    kind: input.kind,
  });
  await inTransaction(db, async (trx) => {
    await saveProcessorCustomerId(trx, {
      orgId: input.orgId,
      customerId: input.customerId,
      processor: gateway.processor,
      processorCustomerId: saved.processorCustomerId,
    });
    const methodId = await insertSavedMethod(trx, {
      orgId: input.orgId,
      customerId: input.customerId,
      processor: gateway.processor,
      token: saved.method.token,
      details: saved.method.details,
      createdBy: input.actor.userId ?? null,
    });
    await setPaymentMethod(trx, { orgId: input.orgId, paymentId: input.paymentId, methodId });
  });
  return saved.method.token;
}

/**
 * What the payment is paid with, on the payment itself (receipts and status pages name it: "Visa
 * ·· 4242"): a saved method's details, or the processor's description of a one-time token. Only
 * for display: a processor that cannot describe it now leaves the payment without them.
 */
async function keepMethodDetails(
  db: Database,
  gateway: PaymentGateway,
  input: { orgId: string; paymentId: string; token: string; saved: SavedMethod | null },
): Promise<void> {
  let details: { brand: string | null; last4: string; bankName: string | null } | null = input.saved;
  if (!details) {
    try {
      details = (await gateway.describeMethod(input.token)).details;
    } catch (error) {
      if (error instanceof GatewayUnavailableError || error instanceof GatewayRequestError) return;
      throw error;
    }
  }
  await setPaymentMethodDetails(db, {
    orgId: input.orgId,
    paymentId: input.paymentId,
    brand: details.brand,
    last4: details.last4,
    bankName: details.bankName,
  });
}

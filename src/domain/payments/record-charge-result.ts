import type { Database } from '../../db/client.ts';
import { addBusinessDays } from '../calendar/business-days.ts';
import { orgTodayOf } from '../customers/balances.ts';
import { capturePayment, type StepOutcome } from './capture-payment.ts';
import { failPayment } from './fail-payment.ts';
import { markProcessing } from './mark-processing.ts';
import type { ChargeResult } from './payment-gateway.ts';
import { submitPayment } from './submit-payment.ts';

/** Business days an ACH debit takes to settle, as Saldo tells the payer (the processor decides). */
export const ACH_SETTLEMENT_DAYS = 2;

/**
 * What the processor answered for a charge, as the payment's next step: captured → completed and
 * applied; ACH processing → pending (with the business day it should settle, US bank holidays
 * skipped); 3-D Secure → requires_action; declined → failed. Used right after the charge and by
 * reconciliation, which asks the processor about payments left in doubt.
 */
export async function recordChargeResult(
  deps: { db: Database },
  input: { orgId: string; paymentId: string; result: ChargeResult },
): Promise<StepOutcome> {
  const { orgId, paymentId, result } = input;
  await markProcessing(deps, { orgId, paymentId });
  switch (result.status) {
    case 'succeeded':
      return capturePayment(deps, { orgId, paymentId, processorPaymentId: result.processorPaymentId });
    case 'processing': {
      const today = (await orgTodayOf(deps.db, orgId))!;
      return submitPayment(deps, {
        orgId,
        paymentId,
        to: 'pending',
        processorPaymentId: result.processorPaymentId,
        expectedSettlement: addBusinessDays('US', today, ACH_SETTLEMENT_DAYS),
      });
    }
    case 'requires_action':
      return submitPayment(deps, {
        orgId,
        paymentId,
        to: 'requires_action',
        processorPaymentId: result.processorPaymentId,
      });
    case 'failed':
      return failPayment(deps, {
        orgId,
        paymentId,
        failure: result.failure,
        processorPaymentId: result.processorPaymentId,
      });
  }
}

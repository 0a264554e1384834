import type { Database } from '../../db/client.ts';
import type { MethodKind } from '../../db/schema.ts';
import type { Gateways } from './payment-gateway.ts';
import { findProcessorCustomerId } from './payment-methods.repository.ts';

export interface MethodEntryRequest {
  orgId: string;
  customerId: string;
  customerName: string;
  kind: MethodKind;
  locale: 'es' | 'en';
  /** Where the processor sends the browser back with `method=<token>`, and where on cancel. */
  returnUrl: string;
  cancelUrl: string;
  /** Passed through to the processor: the account, or the pay link, being paid. */
  reference: string;
}

/**
 * The processor's own page where a new card or bank account is typed — by the payer in the
 * portal or on a pay link, or by staff reading the customer's details on the phone. Saldo never
 * sees the numbers. The account's customer at the processor, when it has one, is named so a
 * method saved there joins the others (and a bank mandate has its customer).
 */
export async function openMethodEntry(
  deps: { db: Database; gateways: Gateways },
  input: MethodEntryRequest,
): Promise<{ url: string }> {
  const gateway = await deps.gateways.forSeller(input.orgId);
  const processorCustomerId = await findProcessorCustomerId(deps.db, {
    orgId: input.orgId,
    customerId: input.customerId,
    processor: gateway.processor,
  });
  const session = await gateway.createEntrySession({
    kind: input.kind,
    customer: {
      processorCustomerId,
      name: input.customerName,
      email: null,
      orgId: input.orgId,
      customerId: input.customerId,
    },
    locale: input.locale,
    returnUrl: input.returnUrl,
    cancelUrl: input.cancelUrl,
    reference: input.reference,
  });
  return { url: session.url };
}

import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { assertSafeAmount } from '../money/money.ts';
import { newId } from '../shared/ids.ts';
import { hashToken } from '../shared/tokens.ts';
import { payLinkToken } from './pay-link-token.ts';
import { insertPayLink, type PayLinkPurpose } from './pay-links.repository.ts';

export interface NewPayLink {
  orgId: string;
  customerId: string;
  purpose: PayLinkPurpose;
  /** purpose 'order': the ERP's order the prepayment is for. */
  orderReference?: string | null;
  /** purpose 'invoices': what the link pays on each invoice. */
  invoices?: { invoiceId: string; amount: bigint }[];
  amount: bigint;
  currency: string;
  expiresAt: Date;
  actor: Actor;
}

/** Days a link stays payable unless the caller says otherwise. */
export const PAY_LINK_DAYS = 7;

/**
 * A new pay link: the row (its token's hash only), what it pays, an audit entry. Answers the
 * token once, for the address the ERP or the e-mail hands to the payer; Saldo never shows it to
 * the seller's staff.
 */
export function createPayLink(
  deps: { db: Database; secretKey: Buffer },
  input: NewPayLink,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  if (input.amount <= 0n) throw new AppError('amount_not_positive');
  assertSafeAmount(input.amount);
  if ((input.purpose === 'order') !== Boolean(input.orderReference))
    throw new AppError('validation_failed', {}, [{ field: 'orderReference', code: 'required' }]);
  return inTransaction(deps.db, async (trx) => {
    const id = newId();
    const token = payLinkToken(deps.secretKey, input.orgId, id);
    await insertPayLink(
      trx,
      {
        org_id: input.orgId,
        id,
        token_hash: hashToken(token),
        customer_id: input.customerId,
        purpose: input.purpose,
        order_reference: input.orderReference ?? null,
        amount: input.amount,
        currency: input.currency,
        expires_at: input.expiresAt,
        created_by: input.actor.userId ?? null,
      },
      input.invoices ?? [],
    );
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'pay_link.created',
      entityType: 'pay_link',
      entityId: id,
      after: {
        customerId: input.customerId,
        purpose: input.purpose,
        orderReference: input.orderReference ?? null,
        amount: input.amount.toString(),
        currency: input.currency,
        expiresAt: input.expiresAt.toISOString(),
      },
    });
    return { id, token, expiresAt: input.expiresAt };
  });
}

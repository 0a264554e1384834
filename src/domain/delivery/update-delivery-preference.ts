import type { Database } from '../../db/client.ts';
import type { DeliveryChannel } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { customerExists } from '../customers/customers.repository.ts';
import { AppError } from '../errors.ts';
import {
  checkUrlShape,
  WebhookAddressRefused,
  type WebhookUrlPolicy,
} from '../integration/webhooks/webhook-url.ts';
import { sealSecret } from '../shared/sealed-secrets.ts';
import {
  type DeliveryPreference,
  loadDeliveryPreference,
  saveDeliveryPreference,
} from './delivery.repository.ts';

/** A delivery preference as a person sets it (staff in the console, the customer in the portal). */
export interface DeliveryPreferenceInput {
  channel: DeliveryChannel;
  emailAttachPdf: boolean;
  /** UBL: the customer's AP endpoint (https; http to this machine only when Saldo runs on it). */
  apEndpointUrl?: string | null;
  /** UBL: a bearer secret the endpoint wants; undefined keeps the stored one, null or "" removes it. */
  apAuthToken?: string | null;
  peppol?: { scheme: string; id: string } | null;
  /** UBL: posted to the AP endpoint (default) or attached to the invoice e-mail. */
  ublVia?: 'endpoint' | 'email';
  edi?: DeliveryPreference['edi'];
}

/** What screens show: never the secret, only whether there is one and its last four. */
export interface DeliveryPreferenceView {
  channel: DeliveryChannel;
  emailAttachPdf: boolean;
  apEndpointUrl: string | null;
  apAuth: { last4: string } | null;
  peppol: { scheme: string; id: string } | null;
  ublVia: 'endpoint' | 'email';
  edi: DeliveryPreference['edi'];
  updatedAt: Date | null;
}

export function preferenceView(p: DeliveryPreference): DeliveryPreferenceView {
  return {
    channel: p.channel,
    emailAttachPdf: p.emailAttachPdf,
    apEndpointUrl: p.apEndpointUrl,
    apAuth: p.apAuthLast4 ? { last4: p.apAuthLast4 } : null,
    peppol: p.peppol,
    ublVia: p.ublVia,
    edi: p.edi,
    updatedAt: p.updatedAt,
  };
}

const field = (name: string, code = 'required') => ({ field: name, code });
const ISA_ID = /^[A-Za-z0-9 .\-_/]{1,15}$/;
const QUALIFIER = /^[0-9A-Z]{2}$/;

/**
 * Sets how a customer receives its documents. UBL posted to an AP endpoint needs its URL (checked
 * like a webhook URL: https, no credentials in it); UBL by e-mail goes with the invoice e-mail; EDI needs the trading partner's ISA and GS ids. The customer
 * (portal) may choose the channel and the e-mail option and the UBL endpoint, not the EDI envelope
 * (`customerAllowed: true` keeps what staff set there). Audited on the customer account, so the
 * customer's activity shows who changed it.
 */
export async function updateDeliveryPreference(
  deps: { db: Database; secretKey: Buffer; policy: WebhookUrlPolicy },
  input: {
    orgId: string;
    customerId: string;
    preference: DeliveryPreferenceInput;
    byCustomer?: boolean;
    actor: Actor;
  },
): Promise<DeliveryPreferenceView> {
  const { orgId, customerId } = input;
  return inTransaction(deps.db, async (trx) => {
    if (!(await customerExists(trx, { orgId, customerId }))) throw new AppError('not_found');
    const before = await loadDeliveryPreference(trx, { orgId, customerId });
    const p = input.preference;
    const problems: { field: string; code: string }[] = [];

    let apEndpointUrl = p.apEndpointUrl?.trim() || null;
    if (apEndpointUrl) {
      try {
        apEndpointUrl = checkUrlShape(apEndpointUrl, deps.policy).toString();
      } catch (err) {
        if (!(err instanceof WebhookAddressRefused)) throw err;
        problems.push(field('apEndpointUrl', `webhook_${err.reason}`));
      }
    }
    const ublVia = p.ublVia ?? 'endpoint';
    if (p.channel === 'ubl' && ublVia === 'endpoint' && !apEndpointUrl && !problems.length)
      problems.push(field('apEndpointUrl'));

    let apAuthSealed = before.apAuthSealed;
    let apAuthLast4 = before.apAuthLast4;
    if (p.apAuthToken !== undefined) {
      const token = p.apAuthToken?.trim() ?? '';
      if (token.length > 500) problems.push(field('apAuthToken', 'too_long'));
      apAuthSealed = token ? sealSecret(deps.secretKey, orgId, token) : null;
      apAuthLast4 = token ? token.slice(-4) : null;
    }

    const peppol = p.peppol?.id?.trim() ? { scheme: p.peppol.scheme.trim(), id: p.peppol.id.trim() } : null;
    if (peppol && !/^[0-9]{4}$/.test(peppol.scheme)) problems.push(field('peppol.scheme', 'pattern'));

    let edi = input.byCustomer ? before.edi : (p.edi ?? null);
    if (edi) {
      edi = {
        isaSenderQualifier: edi.isaSenderQualifier.trim().toUpperCase(),
        isaSenderId: edi.isaSenderId.trim(),
        isaReceiverQualifier: edi.isaReceiverQualifier.trim().toUpperCase(),
        isaReceiverId: edi.isaReceiverId.trim(),
        gsSenderId: edi.gsSenderId.trim(),
        gsReceiverId: edi.gsReceiverId.trim(),
        usage: edi.usage,
      };
      if (!QUALIFIER.test(edi.isaSenderQualifier)) problems.push(field('edi.isaSenderQualifier', 'pattern'));
      if (!QUALIFIER.test(edi.isaReceiverQualifier))
        problems.push(field('edi.isaReceiverQualifier', 'pattern'));
      if (!ISA_ID.test(edi.isaSenderId)) problems.push(field('edi.isaSenderId', 'pattern'));
      if (!ISA_ID.test(edi.isaReceiverId)) problems.push(field('edi.isaReceiverId', 'pattern'));
      if (!/^[A-Za-z0-9 .\-_/]{2,15}$/.test(edi.gsSenderId))
        problems.push(field('edi.gsSenderId', 'pattern'));
      if (!/^[A-Za-z0-9 .\-_/]{2,15}$/.test(edi.gsReceiverId))
        problems.push(field('edi.gsReceiverId', 'pattern'));
    }
    if (p.channel === 'edi' && !edi) problems.push(field('edi'));
    if (problems.length) throw new AppError('validation_failed', {}, problems);

    const next: DeliveryPreference = {
      channel: p.channel,
      emailAttachPdf: p.emailAttachPdf,
      apEndpointUrl,
      apAuthSealed,
      apAuthLast4,
      peppol,
      ublVia,
      edi,
      updatedAt: new Date(),
    };
    await saveDeliveryPreference(trx, {
      orgId,
      customerId,
      updatedBy: input.actor.userId ?? null,
      preference: next,
    });
    await recordAudit(trx, {
      orgId,
      actor: input.actor,
      action: 'customer_account.delivery_preference_updated',
      entityType: 'customer_account',
      entityId: customerId,
      before: { channel: before.channel, emailAttachPdf: before.emailAttachPdf, ublVia: before.ublVia },
      after: {
        channel: next.channel,
        emailAttachPdf: next.emailAttachPdf,
        ublVia: next.ublVia,
        byCustomer: input.byCustomer === true,
      },
    });
    return preferenceView(next);
  });
}

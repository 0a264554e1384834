import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { loadDeliveryPreference, takeControlNumbers } from './delivery.repository.ts';
import type { EInvoiceWriters } from './e-invoice-document.ts';
import { type DeliverableType, loadEInvoice } from './load-e-invoice.ts';

const isaId = (text: string) =>
  text
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 15) || 'SALDO';

/**
 * One document as a file, for `saldo export ubl|x12-810`: the UBL as delivered, or an 810 with
 * the seller's next control numbers (taken and committed: an interchange number is never handed
 * out twice, even to a file a person makes by hand). Without a trading partner set on the customer,
 * the 810 uses mutually defined ids (ZZ) from the seller's slug and the customer's account number,
 * and says so in `note`.
 */
export async function exportEInvoice(
  deps: { db: Database; writers: EInvoiceWriters; now?: () => Date },
  input: { orgId: string; format: 'ubl' | 'x12-810'; type: DeliverableType; number: string },
): Promise<{ content: Buffer; fileName: string; note: string | null }> {
  return inTransaction(deps.db, async (trx) => {
    const { doc, customerId } = await loadEInvoice({ db: trx }, input);
    if (input.format === 'ubl')
      return { content: deps.writers.ubl(doc), fileName: deps.writers.ublFileName(doc), note: null };
    const pref = await loadDeliveryPreference(trx, { orgId: input.orgId, customerId });
    const org = await trx
      .selectFrom('organizations')
      .select('slug')
      .where('id', '=', input.orgId)
      .executeTakeFirstOrThrow();
    const partner = pref.edi ?? {
      isaSenderQualifier: 'ZZ',
      isaSenderId: isaId(org.slug),
      isaReceiverQualifier: 'ZZ',
      isaReceiverId: isaId(doc.buyer.partyId ?? doc.buyer.name),
      gsSenderId: isaId(org.slug),
      gsReceiverId: isaId(doc.buyer.partyId ?? doc.buyer.name).padEnd(2, '0'),
      usage: 'T' as const,
    };
    const numbers = await takeControlNumbers(trx, input.orgId);
    return {
      content: deps.writers.x12810(doc, {
        ...partner,
        interchangeControl: numbers.interchange,
        groupControl: numbers.group,
        transactionControl: numbers.transaction,
        at: deps.now?.() ?? new Date(),
      }),
      fileName: deps.writers.x12FileName(doc, numbers.interchange),
      note: pref.edi
        ? null
        : 'No EDI trading partner is set for this customer: ISA/GS ids are mutually defined (ZZ) from the seller and the account number, usage T (test).',
    };
  });
}

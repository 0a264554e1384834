import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { dateInTimeZone } from '../money/format.ts';
import type { DocumentSettings, DocumentTemplate } from './document-template.ts';
import { loadDocumentTemplate } from './document-templates.repository.ts';
import type { InvoiceDocumentView } from './document-views.ts';
import { sampleInvoice } from './fixtures/sample-invoice.ts';
import { loadSeller, printedSeller } from './seller.ts';

/**
 * The sample invoice (fixtures/sample-invoice.ts) with the seller's real name and the given
 * unsaved settings (the saved logo, unless `hasLogo` is false): what staff see while they edit
 * the template. `settings` come checked (normalizeSettings).
 */
export async function buildInvoicePreviewDocument(
  deps: { db: Database },
  input: {
    orgId: string;
    settings: DocumentSettings & { hasLogo?: boolean | undefined };
    locale: Locale;
    now?: Date;
  },
): Promise<InvoiceDocumentView> {
  const [seller, saved] = await Promise.all([
    loadSeller(deps.db, input.orgId),
    loadDocumentTemplate(deps.db, input.orgId),
  ]);
  const { hasLogo, ...settings } = input.settings;
  const template: DocumentTemplate = { ...settings, logo: hasLogo === false ? null : saved.logo };
  const now = input.now ?? new Date();
  return {
    seller: printedSeller(seller),
    template,
    locale: input.locale,
    today: dateInTimeZone(now, seller.timeZone),
    sample: true,
    invoice: sampleInvoice({
      locale: input.locale,
      currency: seller.defaultCurrency,
      country: seller.country,
      issueDate: now.toISOString().slice(0, 10),
    }),
  };
}

import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import type { InvoiceSummary } from '../invoices/ar.types';
import { InvoiceTable } from '../invoices/invoice-table';
import { canSelectForPayment, PaySelectionBar } from '../portal-pay/pay-access';

export function PortalInvoicesPage() {
  const { t } = useTranslation('portalDocuments');
  const { orgName } = useCustomerContext();
  usePageTitle(t('invoices.title'));
  return (
    <>
      <PageHeader title={t('invoices.title')} description={t('invoices.description', { org: orgName })} />
      <InvoiceTable
        audience="portal"
        selectable
        syncUrl
        linkTo={(invoice) => `/portal/invoices/${invoice.id}`}
        // Row selection for paying: only rows with something left to pay can be ticked, and the
        // bar offers "Pay N invoices · $total".
        canSelect={canSelectForPayment}
        selectionBar={(selected: InvoiceSummary[], clear: () => void) => (
          <PaySelectionBar selected={selected} onClear={clear} />
        )}
      />
    </>
  );
}

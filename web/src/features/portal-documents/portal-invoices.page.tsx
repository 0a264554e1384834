import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { InvoiceTable } from '../invoices/invoice-table';

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
      />
    </>
  );
}

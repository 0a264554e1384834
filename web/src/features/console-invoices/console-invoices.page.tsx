import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { InvoiceTable } from '../invoices/invoice-table';

export function ConsoleInvoicesPage() {
  const { t } = useTranslation('consoleInvoices');
  const { orgName } = useStaffContext();
  usePageTitle(t('list.title'));
  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description', { org: orgName })} />
      <InvoiceTable
        audience="console"
        showCustomer
        selectable
        syncUrl
        linkTo={(invoice) => `/console/invoices/${invoice.id}`}
      />
    </>
  );
}

import { Button } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { canWriteAr } from '../invoices/ar.types';
import { InvoiceTable } from '../invoices/invoice-table';
import { PayNowSelectionBar } from '../pay-now/pay-now-selection-bar';

export function ConsoleInvoicesPage() {
  const { t } = useTranslation('consoleInvoices');
  const { orgName, role } = useStaffContext();
  usePageTitle(t('list.title'));
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description', { org: orgName })}
        actions={
          canWriteAr(role) && (
            <Button
              component={Link}
              to="/console/invoices/new"
              leftSection={<IconFilePlus size={16} aria-hidden />}
            >
              {t('list.new')}
            </Button>
          )
        }
      />
      <InvoiceTable
        audience="console"
        showCustomer
        selectable
        syncUrl
        linkTo={(invoice) => `/console/invoices/${invoice.id}`}
        selectionBar={(selected, clear) => (
          <PayNowSelectionBar selected={selected} onClear={clear} canWrite={canWriteAr(role)} />
        )}
      />
    </>
  );
}

import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { canWriteAr } from '../invoices/ar.types';
import { TakePaymentButton } from '../take-payment/take-payment-button';
import { PaymentsTable } from './payments-table';

export function PaymentsListPage() {
  const { t } = useTranslation(['payments', 'common']);
  const { orgName, role } = useStaffContext();
  usePageTitle(t('list.title'));
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description', { org: orgName })}
        actions={
          canWriteAr(role) && (
            <Group gap="sm">
              {/* Money handed over (check, transfer) is recorded; a card or bank debit is taken. */}
              <TakePaymentButton />
              <Button
                component={Link}
                to="/console/payments/new"
                leftSection={<IconPlus size={18} aria-hidden />}
              >
                {t('record.title')}
              </Button>
            </Group>
          )
        }
      />
      <PaymentsTable
        audience="console"
        showCustomer
        syncUrl
        linkTo={(payment) => `/console/payments/${payment.id}`}
      />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { useStaffContext } from '../../app/session';
import { ArListPage } from '../invoices/document-ui';
import { PaymentsTable } from './payments-table';

export function PaymentsListPage() {
  const { t } = useTranslation(['payments', 'common']);
  const { orgName } = useStaffContext();
  return (
    <ArListPage
      title={t('list.title')}
      description={t('list.description', { org: orgName })}
      newTo="/console/payments/new"
      newLabel={t('record.title')}
    >
      <PaymentsTable
        audience="console"
        showCustomer
        syncUrl
        linkTo={(payment) => `/console/payments/${payment.id}`}
      />
    </ArListPage>
  );
}

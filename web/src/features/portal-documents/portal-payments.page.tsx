import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { PaymentsTable } from '../payments/payments-table';

export function PortalPaymentsPage() {
  const { t } = useTranslation('portalDocuments');
  const { orgName } = useCustomerContext();
  usePageTitle(t('payments.title'));
  return (
    <>
      <PageHeader title={t('payments.title')} description={t('payments.description', { org: orgName })} />
      <PaymentsTable audience="portal" syncUrl linkTo={(payment) => `/portal/payments/${payment.id}`} />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { useStaffContext } from '../../app/session';
import { ArListPage } from '../invoices/document-ui';
import { CreditsTable } from './credits-table';

export function CreditsListPage() {
  const { t } = useTranslation(['credits', 'common']);
  const { orgName } = useStaffContext();
  return (
    <ArListPage
      title={t('list.title')}
      description={t('list.description', { org: orgName })}
      newTo="/console/credits/new"
      newLabel={t('new.title')}
    >
      <CreditsTable
        audience="console"
        showCustomer
        syncUrl
        linkTo={(credit) => `/console/credits/${credit.id}`}
      />
    </ArListPage>
  );
}

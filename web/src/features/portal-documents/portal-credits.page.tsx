import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { CreditsTable } from '../credits/credits-table';

export function PortalCreditsPage() {
  const { t } = useTranslation('portalDocuments');
  const { orgName } = useCustomerContext();
  usePageTitle(t('credits.title'));
  return (
    <>
      <PageHeader title={t('credits.title')} description={t('credits.description', { org: orgName })} />
      <CreditsTable audience="portal" syncUrl />
    </>
  );
}

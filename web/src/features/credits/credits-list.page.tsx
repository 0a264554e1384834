import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { PageHeader } from '../../app/ui/page-header';
import { canWriteAr } from '../invoices/ar.types';
import { CreditsTable } from './credits-table';

export function CreditsListPage() {
  const { t } = useTranslation(['credits', 'common']);
  const { role, orgName } = useStaffContext();
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
              to="/console/credits/new"
              leftSection={<IconPlus size={18} aria-hidden />}
            >
              {t('new.title')}
            </Button>
          )
        }
      />
      <CreditsTable
        audience="console"
        showCustomer
        syncUrl
        linkTo={(credit) => `/console/credits/${credit.id}`}
      />
    </>
  );
}

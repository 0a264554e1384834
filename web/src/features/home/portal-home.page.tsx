import { SimpleGrid, Stack, Title } from '@mantine/core';
import { IconCreditCard, IconFileInvoice, IconUserPlus } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext, useSession } from '../../app/session';
import { ComingSoonCard, firstName, ShortcutCard, WelcomeCard } from './home-cards';

export function PortalHomePage() {
  const { t } = useTranslation(['home', 'common']);
  const { user } = useSession();
  const context = useCustomerContext();
  usePageTitle(t('portal.pageTitle'));

  return (
    <Stack gap="xl">
      <WelcomeCard
        eyebrow={t('common:contextKinds.customer')}
        greeting={t('greeting', { name: firstName(user.name, user.email) })}
        role={t(`common:roles.${context.role}`)}
      >
        <Trans
          t={t}
          i18nKey="portal.where"
          values={{ account: context.accountName, org: context.orgName }}
          components={{ strong: <strong /> }}
        />
      </WelcomeCard>

      {context.role === 'account_admin' && (
        <Stack gap="sm">
          <Title order={2} fz="md" c="dark.6">
            {t('shortcuts')}
          </Title>
          <ShortcutCard
            to="/portal/users"
            icon={IconUserPlus}
            title={t('portal.usersTitle')}
            text={t('portal.usersText')}
          />
        </Stack>
      )}

      <Stack gap="sm">
        <Title order={2} fz="md" c="dark.6">
          {t('nextUp')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <ComingSoonCard
            icon={IconFileInvoice}
            title={t('invoicesTitle')}
            text={t('portal.invoicesText', { org: context.orgName })}
          />
          <ComingSoonCard icon={IconCreditCard} title={t('paymentsTitle')} text={t('portal.paymentsText')} />
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}

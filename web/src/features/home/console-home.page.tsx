import { SimpleGrid, Stack, Title } from '@mantine/core';
import { IconCreditCard, IconFileInvoice, IconMail, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { useSession, useStaffContext } from '../../app/session';
import { ComingSoonCard, firstName, ShortcutCard, WelcomeCard } from './home-cards';

export function ConsoleHomePage() {
  const { t } = useTranslation(['home', 'common']);
  const { user } = useSession();
  const context = useStaffContext();
  const canManage = context.role === 'owner' || context.role === 'admin';
  usePageTitle(t('console.pageTitle'));

  return (
    <Stack gap="xl">
      <WelcomeCard
        eyebrow={t('common:contextKinds.staff')}
        greeting={t('greeting', { name: firstName(user.name, user.email) })}
        role={t(`common:roles.${context.role}`)}
      >
        <Trans
          t={t}
          i18nKey="console.where"
          values={{ org: context.orgName }}
          components={{ strong: <strong /> }}
        />
      </WelcomeCard>

      <Stack gap="sm">
        <Title order={2} fz="md" c="dark.6">
          {t('shortcuts')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: canManage ? 2 : 1 }} spacing="md">
          <ShortcutCard
            to="/console/team"
            icon={canManage ? IconUserPlus : IconUsers}
            title={canManage ? t('console.inviteTeamTitle') : t('console.seeTeamTitle')}
            text={canManage ? t('console.inviteTeamText') : t('console.seeTeamText')}
          />
          {canManage && (
            <ShortcutCard
              to="/console/outbox"
              icon={IconMail}
              title={t('console.outboxTitle')}
              text={t('console.outboxText')}
            />
          )}
        </SimpleGrid>
      </Stack>

      <Stack gap="sm">
        <Title order={2} fz="md" c="dark.6">
          {t('nextUp')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <ComingSoonCard
            icon={IconFileInvoice}
            title={t('invoicesTitle')}
            text={t('console.invoicesText')}
          />
          <ComingSoonCard icon={IconCreditCard} title={t('paymentsTitle')} text={t('console.paymentsText')} />
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}

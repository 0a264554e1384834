import { SimpleGrid, Stack, Title } from '@mantine/core';
import {
  IconBuildingStore,
  IconCash,
  IconChartBar,
  IconCreditCard,
  IconMail,
  IconRefresh,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { useSession, useStaffContext } from '../../app/session';
import { ComingSoonCard, firstName, ShortcutCard, WelcomeCard } from './home-cards';

export function ConsoleHomePage() {
  const { t } = useTranslation(['home', 'common']);
  const { user } = useSession();
  const context = useStaffContext();
  const canManage = context.role === 'owner' || context.role === 'admin';
  const canCollect = canManage || context.role === 'ar_agent';
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
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <ShortcutCard
            to="/console/customers"
            icon={IconBuildingStore}
            title={t('console.customersTitle')}
            text={t('console.customersText')}
          />
          {canCollect && (
            <ShortcutCard
              to="/console/payments/new"
              icon={IconCash}
              title={t('console.recordPaymentTitle')}
              text={t('console.recordPaymentText')}
            />
          )}
          <ShortcutCard
            to="/console/reports/aging"
            icon={IconChartBar}
            title={t('console.agingTitle')}
            text={t('console.agingText')}
          />
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
            icon={IconCreditCard}
            title={t('console.onlinePaymentsTitle')}
            text={t('console.onlinePaymentsText')}
          />
          <ComingSoonCard icon={IconRefresh} title={t('console.syncTitle')} text={t('console.syncText')} />
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}

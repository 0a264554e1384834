import { Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomerRole } from '../../app/api/types';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext, useSession } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { InviteModal } from './invite-modal';
import { InvitationsTable, MembersTable, PeopleSkeleton } from './people-tables';
import { useInviteAccountUser, usePortalAccount } from './team.api';

const INVITABLE: readonly CustomerRole[] = ['accountant', 'payer', 'account_admin'];

export function PortalUsersPage() {
  const { t } = useTranslation(['team', 'common']);
  const { user } = useSession();
  const context = useCustomerContext();
  const account = usePortalAccount();
  const invite = useInviteAccountUser();
  const [inviting, { open, close }] = useDisclosure(false);
  const canInvite = context.role === 'account_admin';
  const accountName = account.data?.name ?? context.accountName;
  usePageTitle(t('portal.title'));

  return (
    <>
      <PageHeader
        title={t('portal.title')}
        description={
          account.data
            ? t('portal.descriptionWithNumber', {
                account: accountName,
                number: account.data.accountNumber,
                org: account.data.orgName,
              })
            : t('portal.description', { account: accountName, org: context.orgName })
        }
        actions={
          canInvite && (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={open}>
              {t('portal.invite')}
            </Button>
          )
        }
      />
      {account.data ? (
        <Stack gap="lg">
          <MembersTable members={account.data.users} currentUserId={user.id} />
          <InvitationsTable invitations={account.data.invitations} />
        </Stack>
      ) : account.isError ? (
        <ProblemAlert error={account.error} onRetry={() => void account.refetch()} />
      ) : (
        <PeopleSkeleton />
      )}
      {canInvite && (
        <InviteModal
          opened={inviting}
          onClose={close}
          title={t('portal.inviteTitle')}
          description={t('portal.inviteText', { account: accountName, org: context.orgName })}
          roles={INVITABLE}
          defaultRole="accountant"
          invite={invite}
        />
      )}
    </>
  );
}

import { Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../app/api/types';
import { usePageTitle } from '../../app/page-title';
import { useSession, useStaffContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { InviteModal } from './invite-modal';
import { InvitationsTable, MembersTable, PeopleSkeleton } from './people-tables';
import { useConsoleTeam, useInviteStaff } from './team.api';

const INVITABLE_BY_ADMIN: readonly StaffRole[] = ['admin', 'ar_agent', 'viewer'];
const INVITABLE_BY_OWNER: readonly StaffRole[] = ['owner', ...INVITABLE_BY_ADMIN];

export function ConsoleTeamPage() {
  const { t } = useTranslation(['team', 'common']);
  const { user } = useSession();
  const context = useStaffContext();
  const team = useConsoleTeam();
  const invite = useInviteStaff();
  const [inviting, { open, close }] = useDisclosure(false);
  const canInvite = context.role === 'owner' || context.role === 'admin';
  usePageTitle(t('console.title'));

  return (
    <>
      <PageHeader
        title={t('console.title')}
        description={t('console.description', { org: context.orgName })}
        actions={
          canInvite && (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={open}>
              {t('console.invite')}
            </Button>
          )
        }
      />
      {team.data ? (
        <Stack gap="lg">
          <MembersTable members={team.data.items} currentUserId={user.id} />
          <InvitationsTable invitations={team.data.invitations} />
        </Stack>
      ) : team.isError ? (
        <ProblemAlert error={team.error} onRetry={() => void team.refetch()} />
      ) : (
        <PeopleSkeleton />
      )}
      {canInvite && (
        <InviteModal
          opened={inviting}
          onClose={close}
          title={t('console.inviteTitle')}
          description={t('console.inviteText', { org: context.orgName })}
          roles={context.role === 'owner' ? INVITABLE_BY_OWNER : INVITABLE_BY_ADMIN}
          defaultRole="ar_agent"
          invite={invite}
        />
      )}
    </>
  );
}

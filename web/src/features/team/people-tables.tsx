import { Badge, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../app/api/types';
import { useFormatters } from '../../app/format';
import type { Member, PendingInvitation } from './team.api';

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <Paper withBorder>
      <Group px="md" py="sm" gap="xs">
        <Title order={2} fz="md">
          {title}
        </Title>
        {count !== undefined && (
          <Badge variant="default" radius="sm" size="sm">
            {count}
          </Badge>
        )}
      </Group>
      {children}
    </Paper>
  );
}

function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  const strong = role === 'owner' || role === 'admin' || role === 'account_admin';
  return (
    <Badge variant={strong ? 'light' : 'default'} radius="sm" tt="none" fw={500}>
      {t(`roles.${role}`)}
    </Badge>
  );
}

export function MembersTable({ members, currentUserId }: { members: Member[]; currentUserId: string }) {
  const { t } = useTranslation(['team', 'common']);
  return (
    <Section title={t('members.title')} count={members.length}>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.email')}</Table.Th>
              <Table.Th>{t('fields.role')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.userId}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {member.name || member.email}
                    </Text>
                    {member.userId === currentUserId && (
                      <Badge size="xs" variant="outline" color="gray" radius="sm" tt="none">
                        {t('members.you')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {member.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={member.role} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

export function InvitationsTable({ invitations }: { invitations: PendingInvitation[] }) {
  const { t } = useTranslation(['team', 'common']);
  const format = useFormatters();
  return (
    <Section title={t('invitations.title')} count={invitations.length}>
      {invitations.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          {t('invitations.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.email')}</Table.Th>
                <Table.Th>{t('fields.role')}</Table.Th>
                <Table.Th>{t('fields.invitedAt')}</Table.Th>
                <Table.Th>{t('fields.expiresAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {invitation.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={invitation.role} />
                  </Table.Td>
                  <Table.Td c="dimmed" fz="sm">
                    {format.date(invitation.createdAt)}
                  </Table.Td>
                  <Table.Td c="dimmed" fz="sm">
                    {format.dateTime(invitation.expiresAt)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

export function PeopleSkeleton() {
  return (
    <Stack gap="lg">
      <Skeleton height={220} radius="md" />
      <Skeleton height={120} radius="md" />
    </Stack>
  );
}

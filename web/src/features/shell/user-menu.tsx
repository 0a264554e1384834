import { Avatar, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconLogout, IconSwitchHorizontal } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { useSignOut } from '../auth/auth.api';
import classes from './shell.module.css';

function initials(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 0 ? words.slice(0, 2).map((word) => word[0]) : [email[0]];
  return letters.join('').toUpperCase();
}

/** The signed-in person: who they are, where else they can go, and signing out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation(['shell', 'common']);
  const { user, contexts } = useSession();
  const signOut = useSignOut();
  const displayName = user.name || user.email;

  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        {/* Named by its own text (the person's name, then "account menu", hidden), so that what
            is read out contains what is seen (WCAG 2.5.3); the initials are decoration. */}
        <UnstyledButton data-testid="user-menu" className={classes.userButton}>
          <Avatar size={32} radius="xl" color="teal" variant="light" aria-hidden>
            {initials(user.name, user.email)}
          </Avatar>
          {compact ? (
            <VisuallyHidden>{displayName}</VisuallyHidden>
          ) : (
            <Text component="span" size="sm" fw={500} maw={160} truncate="end">
              {displayName}
            </Text>
          )}
          <VisuallyHidden>{t('userMenu.suffix')}</VisuallyHidden>
          <IconChevronDown size={14} stroke={1.8} aria-hidden />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark.7" truncate="end">
            {displayName}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        {contexts.length > 1 && (
          <Menu.Item
            component={Link}
            to="/choose"
            leftSection={<IconSwitchHorizontal size={16} aria-hidden />}
          >
            {t('userMenu.allPlaces')}
          </Menu.Item>
        )}
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          {t('common:actions.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

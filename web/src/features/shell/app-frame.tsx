import { AppShell, Burger, Container, Divider, Group, NavLink, ScrollArea, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { Icon } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { HelpLink } from '../help/help-link';
import { ContextSwitcher } from './context-switcher';
import { LanguageSwitch } from './language-switch';
import classes from './shell.module.css';
import { UserMenu } from './user-menu';
import { Wordmark } from './wordmark';

export interface NavItem {
  to: string;
  label: string;
  icon: Icon;
  /** Active only on this exact path (for the home of a section). */
  end?: boolean;
}

function NavItemLink({ item }: { item: NavItem }) {
  const active = useMatch({ path: item.to, end: item.end ?? false }) !== null;
  const ItemIcon = item.icon;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={<ItemIcon size={18} stroke={1.6} aria-hidden />}
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="light"
      fw={500}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

/**
 * The frame of the console and the portal: header with the wordmark, the current place and
 * its switcher, the language and the user menu; navigation on the left (a drawer on phones).
 */
export function AppFrame({ nav, navLabel }: { nav: NavItem[]; navLabel: string }) {
  const { t } = useTranslation(['shell', 'common']);
  const [opened, { toggle, close }] = useDisclosure(false);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const { pathname } = useLocation();

  useEffect(() => {
    if (pathname) close();
  }, [pathname, close]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a href="#main-content" className={classes.skipLink}>
        {t('nav.skip')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
            />
            <Wordmark linked />
            {wide && (
              <>
                <Divider orientation="vertical" my={16} mx={4} />
                <ContextSwitcher />
              </>
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
            <HelpLink compact={!wide} />
            {wide && <LanguageSwitch />}
            <UserMenu compact={!wide} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={navLabel}>
        {!wide && (
          <AppShell.Section mb="sm">
            <ContextSwitcher fullWidth />
          </AppShell.Section>
        )}
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {nav.map((item) => (
              <NavItemLink key={item.to} item={item} />
            ))}
          </Stack>
        </AppShell.Section>
        {!wide && (
          <AppShell.Section mt="sm">
            <LanguageSwitch fullWidth />
          </AppShell.Section>
        )}
      </AppShell.Navbar>

      <AppShell.Main className={classes.main} id="main-content" tabIndex={-1}>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

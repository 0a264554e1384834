import { Box, Center, Group, Paper, type PaperProps, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { SessionContext, useMe } from '../../app/session';
import { HelpLink } from '../help/help-link';
import { LanguageSwitch } from './language-switch';
import classes from './shell.module.css';
import { UserMenu } from './user-menu';
import { Wordmark } from './wordmark';

/**
 * Pages outside the console and portal (signing in, links from e-mails, choosing where to
 * go, not found): the wordmark over one centered card, the language switch in the corner.
 */
export function CenteredLayout({ children }: { children?: ReactNode }) {
  const { data: me } = useMe();
  return (
    <div className={classes.page}>
      <Group component="header" justify="flex-end" gap="md" p="md" mih={64}>
        <HelpLink />
        <LanguageSwitch />
        {me && (
          <SessionContext value={me}>
            <UserMenu compact />
          </SessionContext>
        )}
      </Group>
      <Center component="main" flex={1} px="md" pb={64}>
        <Stack w="100%" maw={460} gap="xl">
          <Center>
            <Wordmark size="lg" linked />
          </Center>
          {children ?? <Outlet />}
        </Stack>
      </Center>
    </div>
  );
}

/** The card inside CenteredLayout, with its heading. */
export function CenteredCard({
  title,
  description,
  icon,
  children,
  ...paper
}: {
  title: ReactNode;
  description?: ReactNode;
  icon?: ReactNode;
  children?: ReactNode;
} & PaperProps) {
  return (
    <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} {...paper}>
      <Stack gap="lg">
        <Stack gap={6}>
          {icon && <Box mb={4}>{icon}</Box>}
          <Title order={1} fz={22}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

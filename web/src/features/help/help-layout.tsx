import { Anchor, Container, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { SessionContext, useMe } from '../../app/session';
import { LanguageSwitch } from '../shell/language-switch';
import classes from '../shell/shell.module.css';
import { UserMenu } from '../shell/user-menu';
import { Wordmark } from '../shell/wordmark';

/** Where "Back to Saldo" goes: the screen the help was opened from, else the app's front door. */
export function useBackTo(): string {
  const { state } = useLocation();
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/help') ? from : '/';
}

/** The help centre's frame: open signed in or not, in the chosen language. */
export function HelpLayout() {
  const { t } = useTranslation('help');
  const { data: me } = useMe();
  const back = useBackTo();
  return (
    <div className={classes.page}>
      <Group component="header" justify="space-between" gap="sm" p="md" mih={64}>
        <Group gap="lg" wrap="nowrap" miw={0}>
          <Wordmark linked />
          <Anchor component={Link} to={back} size="sm" data-testid="help-back">
            <Group gap={4} wrap="nowrap" component="span">
              <IconArrowLeft size={16} aria-hidden />
              {t('backToSaldo')}
            </Group>
          </Anchor>
        </Group>
        <Group gap="md" wrap="nowrap">
          <LanguageSwitch />
          {me && (
            <SessionContext value={me}>
              <UserMenu compact />
            </SessionContext>
          )}
        </Group>
      </Group>
      <Container component="main" size="md" w="100%" px="md" pb={64}>
        <Outlet />
      </Container>
    </div>
  );
}

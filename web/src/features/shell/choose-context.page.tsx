import { Badge, Button, EmptyState, Loader, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconLock } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Context, contextKey } from '../../app/api/types';
import { usePageTitle } from '../../app/page-title';
import { useSession } from '../../app/session';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { useSignOut } from '../auth/auth.api';
import { CenteredCard } from './centered-layout';
import { ContextLines } from './context-label';
import { ContextIcon } from './context-switcher';
import { useSwitchContext } from './shell.api';
import classes from './shell.module.css';

/** Where to go when one login reaches several sellers or customer accounts. */
export function ChooseContextPage() {
  const { t } = useTranslation(['shell', 'common']);
  const me = useSession();
  const switchContext = useSwitchContext();
  const signOut = useSignOut();
  const autoSelected = useRef(false);
  usePageTitle(t('choose.title'));

  // With a single place there is nothing to choose: open it.
  const only = me.contexts.length === 1 && !me.context ? me.contexts[0] : undefined;
  const { mutate: switchTo } = switchContext;
  useEffect(() => {
    if (only && !autoSelected.current) {
      autoSelected.current = true;
      switchTo(only);
    }
  }, [only, switchTo]);

  if (me.contexts.length === 0) {
    return (
      <Paper withBorder shadow="sm" p="xl">
        <EmptyState
          icon={<IconLock size={28} stroke={1.5} aria-hidden />}
          variant="light"
          title={t('choose.emptyTitle')}
          description={t('choose.emptyText', { email: me.user.email })}
        >
          <EmptyState.Actions>
            <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              {t('common:actions.signOut')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    );
  }

  const currentKey = me.context ? contextKey(me.context) : null;
  const pendingKey =
    switchContext.isPending && switchContext.variables ? contextKey(switchContext.variables) : null;
  const groups = (['staff', 'customer'] as const)
    .map((kind) => ({ kind, contexts: me.contexts.filter((context) => context.kind === kind) }))
    .filter((group) => group.contexts.length > 0);

  const choose = (context: Context) => switchTo(context);

  return (
    <CenteredCard title={t('choose.title')} description={t('choose.text')}>
      {switchContext.isError && <ProblemAlert error={switchContext.error} />}
      {groups.map((group) => (
        <Stack key={group.kind} gap="xs" component="section" aria-labelledby={`choose-${group.kind}`}>
          <Text
            id={`choose-${group.kind}`}
            size="xs"
            fw={700}
            c="dimmed"
            tt="uppercase"
            style={{ letterSpacing: '0.04em' }}
          >
            {t(`common:contextKinds.${group.kind}`)}
          </Text>
          {group.contexts.map((context) => {
            const key = contextKey(context);
            const isCurrent = key === currentKey;
            return (
              <UnstyledButton
                key={key}
                className={classes.place}
                mod={{ current: isCurrent }}
                onClick={() => choose(context)}
                disabled={switchContext.isPending}
                aria-current={isCurrent ? 'true' : undefined}
              >
                <ContextIcon context={context} size={40} />
                <ContextLines context={context} />
                <span style={{ marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: 8 }}>
                  {isCurrent && (
                    <Badge variant="light" size="sm">
                      {t('context.current')}
                    </Badge>
                  )}
                  {pendingKey === key ? <Loader size="xs" /> : <IconChevronRight size={18} aria-hidden />}
                </span>
              </UnstyledButton>
            );
          })}
        </Stack>
      ))}
    </CenteredCard>
  );
}

import { Menu, ThemeIcon, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingStore, IconCheck, IconReceipt, IconSelector } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client';
import { type Context, contextKey } from '../../app/api/types';
import { useSession } from '../../app/session';
import { ContextLines } from './context-label';
import { useSwitchContext } from './shell.api';
import classes from './shell.module.css';

export function ContextIcon({ context, size = 28 }: { context: Context; size?: number }) {
  const Icon = context.kind === 'staff' ? IconBuildingStore : IconReceipt;
  return (
    <ThemeIcon size={size} radius="md" variant="light" color={context.kind === 'staff' ? 'teal' : 'indigo'}>
      <Icon size={Math.round(size * 0.6)} stroke={1.6} aria-hidden />
    </ThemeIcon>
  );
}

/** The current seller (and account), and a menu of every other place this login can go. */
export function ContextSwitcher({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useTranslation(['shell', 'common']);
  const me = useSession();
  const switchContext = useSwitchContext();
  const current = me.context;
  if (!current) return null;
  const currentKey = contextKey(current);
  const groups = (['staff', 'customer'] as const)
    .map((kind) => ({ kind, contexts: me.contexts.filter((context) => context.kind === kind) }))
    .filter((group) => group.contexts.length > 0);

  const choose = (context: Context) => {
    if (contextKey(context) === currentKey) return;
    switchContext.mutate(context, {
      onError: (error) =>
        notifications.show({
          color: 'red',
          message:
            error instanceof ApiError
              ? error.problem.detail || error.problem.title
              : t('common:errors.unexpected'),
        }),
    });
  };

  return (
    <Menu position="bottom-start" width={320} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton
          data-testid="context-switcher"
          className={classes.switcher}
          mod={{ 'full-width': fullWidth }}
          title={t('context.switch')}
          disabled={switchContext.isPending}
        >
          <ContextIcon context={current} />
          <ContextLines context={current} />
          <IconSelector size={16} stroke={1.6} aria-hidden style={{ flexShrink: 0, marginLeft: 'auto' }} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {groups.map((group, index) => (
          <Fragment key={group.kind}>
            {index > 0 && <Menu.Divider />}
            <Menu.Label>{t(`common:contextKinds.${group.kind}`)}</Menu.Label>
            {group.contexts.map((context) => {
              const isCurrent = contextKey(context) === currentKey;
              return (
                <Menu.Item
                  key={contextKey(context)}
                  leftSection={<ContextIcon context={context} size={26} />}
                  rightSection={isCurrent ? <IconCheck size={16} aria-label={t('context.current')} /> : null}
                  aria-current={isCurrent ? 'true' : undefined}
                  onClick={() => choose(context)}
                >
                  <ContextLines context={context} />
                </Menu.Item>
              );
            })}
          </Fragment>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

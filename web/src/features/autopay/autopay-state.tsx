import { Alert, Anchor, Badge, Box, Button, Collapse, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconCalendarDue,
  IconPlayerPause,
  IconPlayerPlay,
  IconSettings,
  IconX,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { Facts } from '../../shared/ui/facts';
import { MethodLabel } from '../portal-pay/method-label';
import type { Enrollment } from './autopay.api';
import classes from './autopay.module.css';
import type { AutopayAction } from './autopay-confirm';

export function StatusBadge({ status }: { status: Enrollment['status'] | 'off' }) {
  const { t } = useTranslation('autopay');
  const color = status === 'active' ? 'teal' : status === 'paused' ? 'yellow' : 'gray';
  return (
    <Badge color={color} variant="light" radius="sm" tt="none" fw={600} data-testid="autopay-status">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function timingText(
  t: TFunction<'autopay'>,
  enrollment: Pick<Enrollment, 'timing' | 'daysBefore' | 'scope'>,
) {
  if (enrollment.scope === 'overdue_only') return t('timing.overdue');
  return enrollment.timing === 'days_before'
    ? t('timing.days_before', { count: enrollment.daysBefore ?? 1 })
    : t('timing.due_date');
}

/**
 * An enrollment as it stands: on or paused, the method, the rules, the next charge, who accepted
 * which text, when and from where; and, for who may change it, the actions.
 */
export function AutopayState({
  enrollment,
  orgName,
  canManage,
  onEdit,
  onAction,
  compact = false,
}: {
  enrollment: Enrollment;
  orgName: string;
  canManage: boolean;
  onEdit: () => void;
  onAction: (action: AutopayAction) => void;
  /** In the console's side column: the facts one under another. */
  compact?: boolean;
}) {
  const { t } = useTranslation('autopay');
  const format = useFormatters();
  const [textOpen, text] = useDisclosure(false);
  const textId = useId();
  const active = enrollment.status === 'active';
  const auth = enrollment.authorization;
  const next = enrollment.nextCharge;

  const rows: [string, React.ReactNode][] = [
    [
      t('summary.method'),
      enrollment.paymentMethod ? (
        <MethodLabel key="m" method={enrollment.paymentMethod} />
      ) : (
        <Text key="m" size="sm" c="red.8">
          {t('summary.methodRemoved')}
        </Text>
      ),
    ],
    [t('summary.when'), timingText(t, enrollment)],
    [t('summary.which'), t(`scope.${enrollment.scope}`)],
    [
      t('summary.max'),
      enrollment.maxPerCharge === null ? (
        t('summary.noMax')
      ) : (
        <span key="max" data-amount>
          {format.money(enrollment.maxPerCharge, enrollment.currency)}
        </span>
      ),
    ],
  ];

  return (
    <Paper
      withBorder
      p="md"
      className={classes.state}
      style={{ '--state-color': `var(--mantine-color-${active ? 'teal' : 'yellow'}-6)` }}
      data-testid="autopay-enrollment"
    >
      <Stack gap="md">
        <Group justify="space-between" gap="sm" align="flex-start">
          <Group gap="sm">
            <Title order={compact ? 3 : 2} fz={compact ? 'md' : 'lg'}>
              {active ? t('summary.onTitle') : t('summary.pausedTitle')}
            </Title>
            <StatusBadge status={enrollment.status} />
          </Group>
          {canManage && (
            <Group gap="xs">
              <Button
                variant="default"
                size="compact-sm"
                leftSection={<IconSettings size={14} aria-hidden />}
                onClick={onEdit}
              >
                {t('actions.change')}
              </Button>
              {active ? (
                <Button
                  variant="default"
                  size="compact-sm"
                  leftSection={<IconPlayerPause size={14} aria-hidden />}
                  onClick={() => onAction('pause')}
                >
                  {t('actions.pause')}
                </Button>
              ) : (
                <Button
                  variant="default"
                  size="compact-sm"
                  leftSection={<IconPlayerPlay size={14} aria-hidden />}
                  onClick={() => onAction('resume')}
                >
                  {t('actions.resume')}
                </Button>
              )}
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                leftSection={<IconX size={14} aria-hidden />}
                onClick={() => onAction('cancel')}
              >
                {t('actions.cancel')}
              </Button>
            </Group>
          )}
        </Group>

        <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="autopay-next">
          <IconCalendarDue size={20} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
          <Stack gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts="0.04em">
              {t('summary.next')}
            </Text>
            <Text size="sm" fw={600}>
              {!active ? (
                t('summary.nextPaused')
              ) : next ? (
                <span data-amount>
                  {t('summary.nextValue', {
                    amount: format.money(next.amount, enrollment.currency),
                    date: format.day(next.on),
                    count: next.invoiceCount,
                  })}
                </span>
              ) : (
                t('summary.nextNone')
              )}
            </Text>
          </Stack>
        </Group>
        {!active && enrollment.pausedAt && (
          <Text size="sm" c="yellow.9">
            {t('summary.pausedSince', { date: format.date(enrollment.pausedAt) })}
          </Text>
        )}
        {!active && (enrollment.pauseReason === 'method_unusable' || !enrollment.paymentMethod) && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />}>
            {t('summary.methodUnusable')}
          </Alert>
        )}

        {compact ? (
          <Stack gap="xs">
            {rows.map(([label, value]) => (
              <Box key={label}>
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
                <Text size="sm" component="div">
                  {value}
                </Text>
              </Box>
            ))}
          </Stack>
        ) : (
          <Facts rows={rows} />
        )}
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('summary.businessDays')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('summary.notice', { org: orgName })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('summary.declines')}
          </Text>
        </Stack>

        <Stack gap={4}>
          <Text size="sm" data-testid="autopay-authorized">
            {auth.acceptedBy.kind === 'staff'
              ? t('summary.authorizedByStaff', {
                  name: auth.acceptedBy.name,
                  email: auth.acceptedBy.email,
                  org: orgName,
                  date: format.dateTime(auth.acceptedAt),
                })
              : t('summary.authorizedBy', {
                  name: auth.acceptedBy.name,
                  email: auth.acceptedBy.email,
                  date: format.dateTime(auth.acceptedAt),
                })}{' '}
            {auth.ip && t('summary.from', { ip: auth.ip })}
          </Text>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={text.toggle}
            aria-expanded={textOpen}
            aria-controls={textId}
            ta="left"
          >
            {textOpen ? t('summary.hideText') : t('summary.showText')}
          </Anchor>
          <Collapse expanded={textOpen} id={textId}>
            <Box
              p="sm"
              className={classes.authorization}
              lang={auth.locale}
              tabIndex={0}
              role="region"
              aria-label={t('summary.textLabel')}
            >
              {auth.text}
            </Box>
          </Collapse>
        </Stack>
      </Stack>
    </Paper>
  );
}

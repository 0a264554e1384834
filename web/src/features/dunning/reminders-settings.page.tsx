import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay } from '@tabler/icons-react';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { Money } from '../../shared/ui/money';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { SkeletonRows } from '../../shared/ui/skeleton-rows';
import { TableScroll } from '../../shared/ui/table-scroll';
import { hourLabel } from '../collections/collections.api';
import { canWriteAr } from '../invoices/ar.types';
import { useTemplateName } from '../mail-templates/template-names';
import {
  type Dunning,
  groupByDate,
  PREVIEW_WINDOWS,
  paidShare,
  useDunning,
  useDunningPreview,
  useDunningStats,
  useRunDunningNow,
  useSaveDunning,
} from './dunning.api';
import { type DraftStep, StepsEditor, stepErrorsOf, stepsValid, useOffsetLabel } from './steps-editor';

/**
 * Settings → Reminders: the daily run (on/off, local hour), the steps relative to the due date,
 * the automatic hold rules, "Run now" and the latest runs; the preview of the next days with what
 * is held back and why; and per template and step, the share paid within 7, 14 and 30 days.
 */
export function RemindersSettingsPage() {
  const { t } = useTranslation('dunning');
  usePageTitle(t('title'));
  const { role } = useStaffContext();
  const dunning = useDunning();
  const canEdit = role === 'owner' || role === 'admin';
  return (
    <>
      <PageHeader
        title={t('title')}
        description={
          <>
            {t('description')}{' '}
            <Anchor component={Link} to="/help/reminders-and-holds" size="sm" underline="always">
              {t('help')}
            </Anchor>
          </>
        }
      />
      {dunning.isError && !dunning.data ? (
        <ProblemAlert error={dunning.error} onRetry={() => void dunning.refetch()} />
      ) : (
        <Stack gap="xl">
          {dunning.data ? (
            <SettingsForm dunning={dunning.data} canEdit={canEdit} canRun={canWriteAr(role)} />
          ) : (
            <Skeleton height={420} radius="md" />
          )}
          <PreviewPanel />
          <StatsPanel />
          <RunsPanel runs={dunning.data?.runs} />
        </Stack>
      )}
    </>
  );
}

interface Draft {
  enabled: boolean;
  hour: number;
  steps: DraftStep[];
  overdueOn: boolean;
  overdueDays: number | null;
  overLimit: boolean;
}

const draftOf = (d: Dunning): Draft => ({
  enabled: d.enabled,
  hour: d.hour,
  steps: d.steps.map((s) => ({ offsetDays: s.offsetDays, template: s.template })),
  overdueOn: d.holdRules.overdueDays !== null,
  overdueDays: d.holdRules.overdueDays ?? 60,
  overLimit: d.holdRules.overLimit,
});

function SettingsForm({ dunning, canEdit, canRun }: { dunning: Dunning; canEdit: boolean; canRun: boolean }) {
  const { t } = useTranslation('dunning');
  const format = useFormatters();
  const save = useSaveDunning();
  const runNow = useRunDunningNow();
  const [draft, setDraft] = useState<Draft>(() => draftOf(dunning));
  const [tried, setTried] = useState(false);
  const loaded = JSON.stringify(dunning);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows what the server holds
  useEffect(() => setDraft(draftOf(dunning)), [loaded]);

  const overdueValid =
    !draft.overdueOn ||
    (draft.overdueDays !== null &&
      Number.isInteger(draft.overdueDays) &&
      draft.overdueDays >= 1 &&
      draft.overdueDays <= 3650);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!stepsValid(draft.steps) || !overdueValid) return;
    save.mutate(
      {
        enabled: draft.enabled,
        hour: draft.hour,
        steps: draft.steps.map((s) => ({ offsetDays: s.offsetDays as number, template: s.template })),
        holdRules: { overdueDays: draft.overdueOn ? draft.overdueDays : null, overLimit: draft.overLimit },
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('settings.saved') }) },
    );
  };
  const serverErrors = stepErrorsOf(save.error);
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="dunning-settings">
      <Title order={2} fz="lg" mb={4} id="dunning-settings">
        {t('settings.title')}
      </Title>
      {!canEdit && (
        <Text size="sm" c="dimmed" mb="md" data-testid="dunning-read-only">
          {t('settings.readOnly')}
        </Text>
      )}
      <Stack gap="lg">
        <Group align="flex-end" gap="lg" wrap="wrap">
          <Switch
            label={t('settings.enabled')}
            checked={draft.enabled}
            disabled={!canEdit}
            onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })}
          />
          <Select
            label={t('settings.hour', { timeZone: dunning.timeZone })}
            description={t('settings.hourHelp')}
            data={Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: hourLabel(h) }))}
            value={String(draft.hour)}
            onChange={(v) => v !== null && setDraft({ ...draft, hour: Number(v) })}
            allowDeselect={false}
            readOnly={!canEdit}
            w={{ base: '100%', sm: 300 }}
          />
        </Group>
        <Text size="sm" data-testid="dunning-next-run">
          {dunning.nextRunAt
            ? t('settings.nextRun', { when: format.dateTime(String(dunning.nextRunAt)) })
            : t('settings.noNextRun')}
        </Text>

        <Stack gap="xs">
          <Title order={3} fz="md">
            {t('steps.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={680}>
            {t('steps.intro')}
          </Text>
          <StepsEditor
            steps={draft.steps}
            onChange={(steps) => setDraft({ ...draft, steps })}
            readOnly={!canEdit}
            serverErrors={serverErrors}
          />
        </Stack>

        <Stack gap="xs">
          <Title order={3} fz="md">
            {t('holds.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={680}>
            {t('holds.intro')}
          </Text>
          <Group gap="sm" align="center" wrap="wrap">
            <Checkbox
              label={t('holds.overdue')}
              checked={draft.overdueOn}
              disabled={!canEdit}
              onChange={(e) => setDraft({ ...draft, overdueOn: e.currentTarget.checked })}
            />
            <NumberInput
              aria-label={t('holds.overdueDays')}
              value={draft.overdueDays ?? ''}
              onChange={(v) => setDraft({ ...draft, overdueDays: typeof v === 'number' ? v : null })}
              min={1}
              max={3650}
              allowDecimal={false}
              disabled={!canEdit || !draft.overdueOn}
              error={tried && !overdueValid ? t('steps.range') : undefined}
              w={110}
            />
            <Text size="sm">{t('holds.days')}</Text>
          </Group>
          <Checkbox
            label={t('holds.overLimit')}
            checked={draft.overLimit}
            disabled={!canEdit}
            onChange={(e) => setDraft({ ...draft, overLimit: e.currentTarget.checked })}
          />
        </Stack>

        {tried && !stepsValid(draft.steps) && (
          <Alert color="red" variant="light" role="alert">
            {t('settings.fix')}
          </Alert>
        )}
        {save.error && Object.keys(serverErrors).length === 0 ? <ProblemAlert error={save.error} /> : null}
        {runNow.isSuccess && (
          <Alert color="teal" variant="light" role="status">
            {t('run.queued')}
          </Alert>
        )}
        {runNow.error ? <ProblemAlert error={runNow.error} /> : null}
        <Group justify="space-between" gap="sm" wrap="wrap">
          {canEdit ? (
            <Button type="submit" loading={save.isPending}>
              {t('settings.save')}
            </Button>
          ) : (
            <span />
          )}
          {canRun && (
            <Group gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed" maw={320} visibleFrom="sm">
                {t('run.help')}
              </Text>
              <Button
                variant="default"
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                loading={runNow.isPending}
                onClick={() => runNow.mutate()}
              >
                {t('run.now')}
              </Button>
            </Group>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function PreviewPanel() {
  const { t } = useTranslation('dunning');
  const format = useFormatters();
  const templateName = useTemplateName();
  const offsetLabel = useOffsetLabel();
  const [days, setDays] = useState<number>(14);
  const preview = useDunningPreview(days);
  const data = preview.data;
  return (
    <Paper withBorder data-testid="dunning-preview">
      <Group justify="space-between" p="md" pb="xs" gap="sm" wrap="wrap">
        <Title order={2} fz="lg">
          {t('preview.title')}
        </Title>
        <SegmentedControl
          aria-label={t('preview.window')}
          value={String(days)}
          onChange={(v) => setDays(Number(v))}
          data={PREVIEW_WINDOWS.map((n) => ({ value: String(n), label: t('preview.next', { count: n }) }))}
        />
      </Group>
      <Text size="sm" c="dimmed" px="md" pb="sm" maw={720}>
        {t('preview.intro')}
      </Text>
      {preview.isError && !data ? (
        <Box p="md">
          <ProblemAlert error={preview.error} onRetry={() => void preview.refetch()} />
        </Box>
      ) : data && data.items.length === 0 ? (
        <Text size="sm" px="md" pb="md">
          {t('preview.empty')}
        </Text>
      ) : (
        <TableScroll minWidth={860} stack>
          <Table aria-label={t('preview.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('preview.customer')}</Table.Th>
                <Table.Th>{t('preview.invoice')}</Table.Th>
                <Table.Th>{t('preview.step')}</Table.Th>
                <Table.Th>{t('preview.template')}</Table.Th>
                <Table.Th ta="right">{t('preview.amount')}</Table.Th>
                <Table.Th>{t('preview.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data ? (
                groupByDate(data.items).map((group) => (
                  <Fragment key={group.date}>
                    <Table.Tr bg="gray.0">
                      <Table.Td colSpan={6} data-primary fw={600} fz="sm">
                        {format.day(group.date)}
                      </Table.Td>
                    </Table.Tr>
                    {group.items.map((item) => (
                      <Table.Tr
                        key={`${item.invoiceId}-${item.offsetDays}`}
                        data-testid="preview-row"
                        data-skip={item.skip ?? undefined}
                      >
                        <Table.Td data-label={t('preview.customer')} fz="sm">
                          <Anchor component={Link} to={`/console/customers/${item.customerId}`} size="sm">
                            {item.customerName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td data-label={t('preview.invoice')} fz="sm">
                          <Anchor component={Link} to={`/console/invoices/${item.invoiceId}`} size="sm">
                            {item.invoiceNumber}
                          </Anchor>
                        </Table.Td>
                        <Table.Td data-label={t('preview.step')} fz="sm">
                          {offsetLabel(item.offsetDays)}
                        </Table.Td>
                        <Table.Td data-label={t('preview.template')} fz="sm">
                          {templateName(item.template)}
                        </Table.Td>
                        <Table.Td data-label={t('preview.amount')} ta="right" fz="sm">
                          <Money minor={item.amountDue} currency={item.currency} />
                        </Table.Td>
                        <Table.Td data-label={t('preview.status')} fz="sm">
                          {item.skip ? (
                            <Badge color="orange" variant="light" tt="none">
                              {t('preview.heldBack', { reason: t(`skip.${item.skip}`) })}
                            </Badge>
                          ) : (
                            <Text size="sm" c="dimmed" component="span">
                              {t('preview.sends', { count: item.recipients })}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Fragment>
                ))
              ) : (
                <SkeletonRows rows={4} cols={6} />
              )}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {data?.truncated && (
        <Text size="xs" p="md">
          {t('preview.truncated')}
        </Text>
      )}
    </Paper>
  );
}

function StatsPanel() {
  const { t } = useTranslation('dunning');
  const format = useFormatters();
  const templateName = useTemplateName();
  const offsetLabel = useOffsetLabel();
  const stats = useDunningStats();
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 });
  const share = (paid: number, eligible: number) => {
    const s = paidShare(paid, eligible);
    return s === null ? '—' : percent.format(s);
  };
  const rows = stats.data?.rows;
  return (
    <Paper withBorder data-testid="dunning-stats">
      <Title order={2} fz="lg" p="md" pb="xs">
        {t('stats.title')}
      </Title>
      <Text size="sm" c="dimmed" px="md" pb="sm" maw={720}>
        {t('stats.intro')}
      </Text>
      {stats.isError && !rows ? (
        <Box p="md">
          <ProblemAlert error={stats.error} onRetry={() => void stats.refetch()} />
        </Box>
      ) : rows && rows.length === 0 ? (
        <Text size="sm" px="md" pb="md">
          {t('stats.empty')}
        </Text>
      ) : (
        <TableScroll minWidth={720} stack>
          <Table aria-label={t('stats.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stats.template')}</Table.Th>
                <Table.Th>{t('stats.step')}</Table.Th>
                <Table.Th ta="right">{t('stats.sent')}</Table.Th>
                {[7, 14, 30].map((d) => (
                  <Table.Th key={d} ta="right">
                    {t('stats.within', { days: d })}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows ? (
                rows.map((r) => (
                  <Table.Tr key={`${r.template}-${r.offsetDays}`}>
                    <Table.Td data-primary fw={500} fz="sm">
                      {templateName(r.template)}
                    </Table.Td>
                    <Table.Td data-label={t('stats.step')} fz="sm">
                      {offsetLabel(r.offsetDays)}
                    </Table.Td>
                    <Table.Td data-label={t('stats.sent')} ta="right" fz="sm">
                      {format.number(r.sent)}
                    </Table.Td>
                    {(
                      [
                        [7, r.paid7, r.eligible7],
                        [14, r.paid14, r.eligible14],
                        [30, r.paid30, r.eligible30],
                      ] as const
                    ).map(([d, paid, eligible]) => (
                      <Table.Td key={d} data-label={t('stats.within', { days: d })} ta="right" fz="sm">
                        {share(paid, eligible)}
                        {eligible > 0 && (
                          <Text component="span" size="xs" c="dimmed">
                            {' '}
                            ({format.number(paid)}/{format.number(eligible)})
                          </Text>
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              ) : (
                <SkeletonRows rows={3} cols={6} />
              )}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Paper>
  );
}

function RunsPanel({ runs }: { runs: Dunning['runs'] | undefined }) {
  const { t } = useTranslation('dunning');
  const format = useFormatters();
  return (
    <Paper withBorder data-testid="dunning-runs">
      <Title order={2} fz="lg" p="md" pb="xs">
        {t('runs.title')}
      </Title>
      {runs && runs.length === 0 ? (
        <Text size="sm" px="md" pb="md">
          {t('runs.empty')}
        </Text>
      ) : (
        <TableScroll minWidth={760} stack>
          <Table aria-label={t('runs.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('runs.day')}</Table.Th>
                <Table.Th>{t('runs.trigger')}</Table.Th>
                <Table.Th>{t('runs.status')}</Table.Th>
                <Table.Th ta="right">{t('runs.reminders')}</Table.Th>
                <Table.Th ta="right">{t('runs.messages')}</Table.Th>
                <Table.Th ta="right">{t('runs.holds')}</Table.Th>
                <Table.Th>{t('runs.finished')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs ? (
                runs.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td data-primary fw={500} fz="sm">
                      {format.day(r.runOn)}
                    </Table.Td>
                    <Table.Td data-label={t('runs.trigger')} fz="sm">
                      {t(`runs.${r.trigger}`)}
                    </Table.Td>
                    <Table.Td data-label={t('runs.status')} fz="sm">
                      {t(`runs.${r.status}`)}
                    </Table.Td>
                    <Table.Td data-label={t('runs.reminders')} ta="right" fz="sm">
                      {format.number(r.reminders)}
                    </Table.Td>
                    <Table.Td data-label={t('runs.messages')} ta="right" fz="sm">
                      {format.number(r.messages)}
                    </Table.Td>
                    <Table.Td data-label={t('runs.holds')} ta="right" fz="sm">
                      {format.number(r.holdsPlaced)} / {format.number(r.holdsReleased)}
                    </Table.Td>
                    <Table.Td data-label={t('runs.finished')} fz="sm" c="dimmed">
                      {r.finishedAt ? format.dateTime(String(r.finishedAt)) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))
              ) : (
                <SkeletonRows rows={2} cols={7} />
              )}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Paper>
  );
}

import {
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import {
  MAX_DAY,
  MIN_DAY,
  type StatementSettings,
  useSaveStatementSettings,
  useStatementSettings,
} from './statements.api';

/**
 * Settings → Monthly statements: on or off and the day of the month (1–28) the month before's
 * statements go out, with the day the next go out as the server reckons it (in the seller's time
 * zone, a month left behind included). Every staff member reads it; owners and admins change it.
 */
export function StatementSettingsPage() {
  const { t } = useTranslation('statements');
  usePageTitle(t('settings.title'));
  const { role } = useStaffContext();
  const settings = useStatementSettings();
  const canEdit = role === 'owner' || role === 'admin';
  return (
    <>
      <PageHeader
        title={t('settings.title')}
        description={
          <>
            {t('settings.description')}{' '}
            <Anchor component={Link} to="/help/statements" size="sm" underline="always">
              {t('help')}
            </Anchor>
          </>
        }
      />
      {settings.data ? (
        <SettingsForm saved={settings.data} canEdit={canEdit} />
      ) : settings.isError ? (
        <ProblemAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <Skeleton height={260} radius="md" maw={640} />
      )}
    </>
  );
}

/** 'YYYY-MM' → "December 2026" / "diciembre de 2026", in the interface language. */
function monthName(period: string, locale: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, 1),
  );
}

function SettingsForm({ saved, canEdit }: { saved: StatementSettings; canEdit: boolean }) {
  const { t } = useTranslation('statements');
  const format = useFormatters();
  const save = useSaveStatementSettings();
  const [enabled, setEnabled] = useState(saved.enabled);
  const [day, setDay] = useState<number | null>(saved.dayOfMonth);
  const [tried, setTried] = useState(false);
  // The form follows what the server holds (after saving, or when another person changed it).
  useEffect(() => {
    setEnabled(saved.enabled);
    setDay(saved.dayOfMonth);
  }, [saved.enabled, saved.dayOfMonth]);

  const dayValid = day !== null && Number.isInteger(day) && day >= MIN_DAY && day <= MAX_DAY;
  const dirty = enabled !== saved.enabled || day !== saved.dayOfMonth;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!dayValid) return;
    save.mutate(
      { enabled, dayOfMonth: day },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('settings.saved') }) },
    );
  };
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      maw={640}
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="statement-settings"
      data-testid="statement-settings"
    >
      <Title order={2} fz="lg" mb={4} id="statement-settings">
        {t('settings.formTitle')}
      </Title>
      {!canEdit && (
        <Text size="sm" c="dimmed" mb="md" data-testid="statement-settings-read-only">
          {t('settings.readOnly')}
        </Text>
      )}
      <Stack gap="lg" mt="sm">
        <Switch
          label={t('settings.enabled')}
          checked={enabled}
          disabled={!canEdit}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        <NumberInput
          label={t('settings.day')}
          description={t('settings.dayHelp')}
          value={day ?? ''}
          onChange={(v) => setDay(typeof v === 'number' ? v : null)}
          min={MIN_DAY}
          max={MAX_DAY}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="blur"
          readOnly={!canEdit}
          error={tried && !dayValid ? t('settings.dayRange') : undefined}
          w={{ base: '100%', xs: 320 }}
        />
        <Stack gap={4}>
          <Text size="sm" data-testid="statement-next-run" aria-live="polite">
            {saved.nextRunOn && saved.nextPeriod
              ? t('settings.next', {
                  date: format.day(saved.nextRunOn),
                  month: monthName(saved.nextPeriod, format.locale),
                })
              : t('settings.off')}
          </Text>
          {canEdit && dirty && (
            <Text size="xs" c="dimmed">
              {t('settings.unsaved')}
            </Text>
          )}
        </Stack>
        {save.error ? <ProblemAlert error={save.error} /> : null}
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              {t('settings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { Money } from '../../shared/ui/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableScroll } from '../../shared/ui/table-scroll';
import {
  type CollectionSchedule,
  hourLabel,
  useCollectionOverview,
  useCollectionPreview,
  useRunCollectionNow,
  useSaveCollectionSchedule,
  weekdayName,
} from './collections.api';

/** The weekly schedule (day, hour in the seller's time zone, which documents), its preview and "run now". */
export function CollectionSettingsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('collections');
  const format = useFormatters();
  const overview = useCollectionOverview();
  const save = useSaveCollectionSchedule();
  const runNow = useRunCollectionNow();
  const [showPreview, setShowPreview] = useState(false);
  const preview = useCollectionPreview(opened && showPreview);
  const [form, setForm] = useState<CollectionSchedule | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (overview.data && !form) {
      const { enabled, weekday, hour, documents } = overview.data.schedule;
      setForm({ enabled, weekday, hour, documents });
    }
  }, [overview.data, form]);
  const timeZone = overview.data?.timeZone ?? '';
  return (
    <Modal opened={opened} onClose={onClose} title={t('settings.title')} size="lg" centered>
      <Stack gap="sm">
        <Text size="sm">
          {t('settings.intro')}{' '}
          <Anchor component={Link} to="/help/weekly-collection" size="sm" underline="always">
            {t('settings.help')}
          </Anchor>
        </Text>
        {overview.error ? <ProblemAlert error={overview.error} /> : null}
        {form && (
          <>
            <Switch
              label={t('settings.enabled')}
              checked={form.enabled}
              onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })}
            />
            {/* One above the other on a phone: side by side, the hour's label (with its time zone) wraps
                and the two fields no longer line up. */}
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Select
                label={t('settings.weekday')}
                data={[1, 2, 3, 4, 5, 6, 7].map((d) => ({
                  value: String(d),
                  label: weekdayName(d, format.locale),
                }))}
                value={String(form.weekday)}
                onChange={(v) => v && setForm({ ...form, weekday: Number(v) })}
                allowDeselect={false}
              />
              <Select
                label={t('settings.hour', { timeZone })}
                data={Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: hourLabel(h) }))}
                value={String(form.hour)}
                onChange={(v) => v !== null && setForm({ ...form, hour: Number(v) })}
                allowDeselect={false}
              />
            </SimpleGrid>
            <Select
              label={t('settings.documents')}
              data={[
                { value: 'all_open', label: t('settings.allOpen') },
                { value: 'overdue', label: t('settings.overdue') },
              ]}
              value={form.documents}
              onChange={(v) => v && setForm({ ...form, documents: v as CollectionSchedule['documents'] })}
              allowDeselect={false}
            />
            <Text size="sm" c="dimmed">
              {t('settings.template')}
            </Text>
          </>
        )}
        {save.error ? <ProblemAlert error={save.error} /> : null}
        {saved && (
          <Alert color="teal" variant="light" role="status">
            {t('settings.saved')}
          </Alert>
        )}
        {runNow.isSuccess && (
          <Alert color="teal" variant="light" role="status">
            {t('settings.runQueued')}
          </Alert>
        )}
        {runNow.error ? <ProblemAlert error={runNow.error} /> : null}
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <Button variant="default" onClick={() => setShowPreview(true)}>
              {t('settings.preview')}
            </Button>
            <Button variant="light" loading={runNow.isPending} onClick={() => runNow.mutate()}>
              {t('settings.runNow')}
            </Button>
          </Group>
          <Button
            disabled={!form}
            loading={save.isPending}
            onClick={() => form && save.mutate(form, { onSuccess: () => setSaved(true) })}
          >
            {t('settings.save')}
          </Button>
        </Group>
        {showPreview && (
          <Stack gap="xs" data-testid="collection-preview">
            <Text fw={600}>{t('preview.title')}</Text>
            {preview.error ? <ProblemAlert error={preview.error} /> : null}
            {preview.data && preview.data.customers.length === 0 && (
              <Text size="sm">{t('preview.empty')}</Text>
            )}
            {preview.data && preview.data.customers.length > 0 && (
              <TableScroll minWidth={420}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('preview.customer')}</Table.Th>
                      <Table.Th ta="right">{t('preview.total')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.data.customers.map((c) => (
                      <Table.Tr key={c.customerId}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {c.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t('preview.documents', { count: c.documents.length })}:{' '}
                            {c.documents.map((d) => d.number).join(', ')}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t('preview.to', { emails: c.recipients.map((r) => r.email).join(', ') })}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Money minor={c.totalDue} currency={c.currency} fw={600} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
            {preview.data?.truncated && <Text size="xs">{t('preview.truncated')}</Text>}
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

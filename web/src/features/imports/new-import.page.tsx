import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDeviceFloppy, IconFileImport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { queryKeys } from '../../app/query-keys';
import { useSession } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableScroll } from '../../shared/ui/table-scroll';
import { DropZone } from './drop-zone';
import { useFileSize } from './file-size';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportSettings,
  type Inspection,
  inspectFile,
  inspectSlice,
  MAX_UPLOAD_BYTES,
  startImport,
  useImportProfiles,
  useSaveProfile,
} from './imports.api';

const DELIMITERS = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '\t', key: 'tab' },
  { value: '|', key: 'pipe' },
] as const;
const DATE_FORMATS = ['dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd'] as const;
const isKind = (value: string | null): value is ImportKind =>
  value !== null && (IMPORT_KINDS as readonly string[]).includes(value);

/**
 * A new import: the kind, the file (dropped or chosen), how Saldo reads it (encoding, delimiter,
 * decimal mark, date format, each column's field — detected and suggested, each overridable),
 * the first rows as parsed, then "Import": the file is uploaded (with its progress) and the
 * run's page follows it to its summary.
 */
export function NewImportPage() {
  const { t } = useTranslation(['imports', 'common']);
  const { csrfToken } = useSession();
  const navigate = useNavigate();
  const size = useFileSize();
  usePageTitle(t('new.title'));
  const [params] = useSearchParams();
  const [kind, setKind] = useState<ImportKind>(
    isKind(params.get('kind')) ? (params.get('kind') as ImportKind) : 'customers',
  );
  const [profileId, setProfileId] = useState<string | null>(null);
  const [file, setFile] = useState<{ file: File; id: number } | null>(null);
  const [overrides, setOverrides] = useState<Partial<ImportSettings>>({});
  const [debounced] = useDebouncedValue(overrides, 250);
  const [upload, setUpload] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const profiles = useImportProfiles(kind);

  const tooLarge = file !== null && file.file.size > MAX_UPLOAD_BYTES;
  const previewable = file !== null && !tooLarge && inspectSlice(file.file) !== null;
  const inspection = useQuery({
    queryKey: queryKeys.imports.inspect({ file: file?.id, kind, profileId, overrides: debounced }),
    queryFn: () => inspectFile({ file: file!.file, kind, settings: debounced, csrfToken, profileId }),
    enabled: previewable,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    placeholderData: (previous) => previous,
  });
  const info = previewable ? inspection.data : undefined;
  // A file too large to preview (an XLSX past 16 MB) is imported with a saved profile as it is.
  const profile = profiles.data?.profiles.find((p) => p.id === profileId);
  const settings = info?.settings ?? (file && !tooLarge && !previewable ? profile?.settings : undefined);
  // One key per file and settings the person means to import: a retry after a lost answer is the same import.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key for each file and each settings
  const idempotencyKey = useMemo(() => crypto.randomUUID(), [file?.id, kind, settings]);

  const chooseFile = (chosen: File) => {
    setFile((current) => ({ file: chosen, id: (current?.id ?? 0) + 1 }));
    setOverrides({});
    setUploadError(null);
  };
  const set = (patch: Partial<ImportSettings>) => setOverrides((current) => ({ ...current, ...patch }));
  const setColumn = (field: string, column: string | null) => {
    const mapping = { ...(settings?.mapping ?? {}) };
    if (column) mapping[field] = column;
    else delete mapping[field];
    set({ mapping });
  };

  const runImport = async () => {
    if (!file || !settings) return;
    setUploadError(null);
    setUpload(0);
    try {
      const run = await startImport({
        file: file.file,
        kind,
        settings,
        csrfToken,
        idempotencyKey,
        profileId,
        onProgress: setUpload,
      });
      navigate(`/console/imports/${run.id}`);
    } catch (error) {
      setUpload(null);
      setUploadError(error);
    }
  };

  return (
    <>
      <BackLink to="/console/imports">{t('new.back')}</BackLink>
      <PageHeader title={t('new.title')} description={t('new.description')} />
      <Stack gap="xl">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mb="md">
            <Select
              label={t('new.kindLabel')}
              data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              value={kind}
              onChange={(value) => {
                if (!isKind(value)) return;
                setKind(value);
                setProfileId(null);
                setOverrides({});
              }}
              allowDeselect={false}
            />
            <Select
              label={t('new.profileLabel')}
              data={[
                { value: '', label: t('new.profileNone') },
                ...(profiles.data?.profiles ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
              value={profileId ?? ''}
              onChange={(value) => {
                setProfileId(value || null);
                setOverrides({});
              }}
              allowDeselect={false}
            />
          </SimpleGrid>
          <DropZone
            onFile={chooseFile}
            chosen={file ? t('new.chosen', { name: file.file.name, size: size(file.file.size) }) : null}
          />
          {tooLarge && (
            <Alert mt="md" color="orange" icon={<IconAlertCircle size={20} aria-hidden />} role="alert">
              {t('new.tooLarge')}
            </Alert>
          )}
          {file && !tooLarge && !previewable && (
            <Alert mt="md" color="orange" icon={<IconAlertCircle size={20} aria-hidden />} role="alert">
              {t('new.noPreview')}
            </Alert>
          )}
        </Paper>

        {previewable && inspection.isError && (
          <ProblemAlert error={inspection.error} onRetry={() => void inspection.refetch()} />
        )}
        {previewable && inspection.isPending && (
          <Text c="dimmed" aria-live="polite">
            {t('new.reading')}
          </Text>
        )}

        {!info && settings && (
          <Paper withBorder p="md">
            {uploadError !== null && (
              <Stack mb="md">
                <ProblemAlert error={uploadError} />
              </Stack>
            )}
            <Group justify="flex-end">
              <Button
                size="md"
                leftSection={<IconFileImport size={18} aria-hidden />}
                disabled={upload !== null}
                onClick={() => void runImport()}
              >
                {t('new.import')}
              </Button>
            </Group>
            {upload !== null && (
              <Stack gap={4} mt="md">
                <Text size="sm" aria-live="polite">
                  {t('new.uploading', { percent: Math.round(upload * 100) })}
                </Text>
                <Progress value={upload * 100} aria-label={t('new.uploadLabel')} animated />
              </Stack>
            )}
          </Paper>
        )}

        {info && settings && (
          <>
            <ReadSettings info={info} settings={settings} onChange={set} />
            <MappingTable info={info} kind={kind} settings={settings} onColumn={setColumn} />
            <PreviewTable info={info} />
            <Paper withBorder p="md">
              {info.missingRequired.length > 0 && (
                <Alert mb="md" color="orange" icon={<IconAlertCircle size={20} aria-hidden />}>
                  {t('new.missingRequired', {
                    fields: info.missingRequired.map((f) => t(`fields.${f}`, { defaultValue: f })).join(', '),
                  })}
                </Alert>
              )}
              {uploadError !== null && (
                <Stack mb="md">
                  <ProblemAlert error={uploadError} />
                </Stack>
              )}
              <Group justify="space-between" align="flex-end" gap="md">
                <SaveProfile kind={kind} settings={settings} />
                <Button
                  size="md"
                  leftSection={<IconFileImport size={18} aria-hidden />}
                  disabled={info.missingRequired.length > 0 || upload !== null}
                  onClick={() => void runImport()}
                >
                  {t('new.import')}
                </Button>
              </Group>
              {upload !== null && (
                <Stack gap={4} mt="md">
                  <Text size="sm" aria-live="polite">
                    {t('new.uploading', { percent: Math.round(upload * 100) })}
                  </Text>
                  <Progress value={upload * 100} aria-label={t('new.uploadLabel')} animated />
                </Stack>
              )}
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}

function ReadSettings({
  info,
  settings,
  onChange,
}: {
  info: Inspection;
  settings: ImportSettings;
  onChange: (patch: Partial<ImportSettings>) => void;
}) {
  const { t } = useTranslation('imports');
  const delimiterLabel = (value: string | null) => {
    const known = DELIMITERS.find((d) => d.value === value);
    return known ? t(`delimiters.${known.key}`) : (value ?? '');
  };
  const csv = info.format === 'csv';
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="md">
        {t('new.settingsStep')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        <Select
          label={t('new.format')}
          data={(['csv', 'xlsx', 'json', 'ubl'] as const).map((f) => ({
            value: f,
            label: t(`formats.${f}`),
          }))}
          value={info.format}
          onChange={(value) => value && onChange({ format: value as ImportSettings['format'] })}
          allowDeselect={false}
        />
        {csv && (
          <Select
            label={t('new.encoding')}
            description={
              info.detectedEncoding
                ? t('new.encodingDetected', { encoding: t(`encodings.${info.detectedEncoding}`) })
                : undefined
            }
            data={(['utf-8', 'windows-1252'] as const).map((e) => ({ value: e, label: t(`encodings.${e}`) }))}
            value={settings.encoding ?? info.encoding ?? 'utf-8'}
            onChange={(value) => value && onChange({ encoding: value as ImportSettings['encoding'] })}
            allowDeselect={false}
          />
        )}
        {csv && (
          <Select
            label={t('new.delimiter')}
            description={
              info.detectedDelimiter
                ? t('new.delimiterDetected', { delimiter: delimiterLabel(info.detectedDelimiter) })
                : undefined
            }
            data={DELIMITERS.map((d) => ({ value: d.value, label: t(`delimiters.${d.key}`) }))}
            value={settings.delimiter ?? info.delimiter ?? ','}
            onChange={(value) => value && onChange({ delimiter: value })}
            allowDeselect={false}
          />
        )}
        {info.sheets.length > 0 && (
          <Select
            label={t('new.sheet')}
            data={info.sheets}
            value={settings.sheet ?? info.sheets[0] ?? null}
            onChange={(value) => value && onChange({ sheet: value })}
            allowDeselect={false}
          />
        )}
        <Select
          label={t('new.decimalMark')}
          data={[
            { value: '.', label: t('decimalMarks.point') },
            { value: ',', label: t('decimalMarks.comma') },
          ]}
          value={settings.decimalMark}
          onChange={(value) => value && onChange({ decimalMark: value as '.' | ',' })}
          allowDeselect={false}
        />
        <Select
          label={t('new.dateFormat')}
          data={[...DATE_FORMATS]}
          value={settings.dateFormat}
          onChange={(value) => value && onChange({ dateFormat: value as ImportSettings['dateFormat'] })}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Radio.Group
        mt="md"
        label={t('new.mode')}
        value={settings.mode}
        onChange={(value) => onChange({ mode: value as 'all' | 'rows' })}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="rows" label={t('new.modeRows')} />
          <Radio value="all" label={t('new.modeAll')} />
        </Stack>
      </Radio.Group>
    </Paper>
  );
}

function MappingTable({
  info,
  kind,
  settings,
  onColumn,
}: {
  info: Inspection;
  kind: ImportKind;
  settings: ImportSettings;
  onColumn: (field: string, column: string | null) => void;
}) {
  const { t } = useTranslation('imports');
  const columns = [
    { value: '', label: t('new.notMapped') },
    ...info.header.map((h) => ({ value: h, label: h })),
  ];
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb={4}>
        {t('new.mappingStep')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={680}>
        {t('new.mappingHelp')}
      </Text>
      <TableScroll minWidth={560} stack>
        <Table aria-label={t('new.mappingTable')} data-kind={kind}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('new.field')}</Table.Th>
              <Table.Th>{t('new.column')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {info.fields.map((field) => {
              const label = t(`fields.${field.name}`, { defaultValue: field.name });
              const column = settings.mapping[field.name];
              return (
                <Table.Tr key={field.name}>
                  <Table.Td data-primary>
                    <Group gap="xs">
                      <Text size="sm" fw={500}>
                        {label}
                      </Text>
                      {field.required && (
                        <Badge size="xs" variant="light" color="orange" radius="sm">
                          {t('new.required')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td data-label={t('new.column')}>
                    <Select
                      aria-label={`${t('new.column')}: ${label}`}
                      data={columns}
                      value={column !== undefined && info.header.includes(column) ? column : ''}
                      onChange={(value) => onColumn(field.name, value || null)}
                      allowDeselect={false}
                      searchable
                      size="sm"
                      maw={360}
                      error={field.required && !column ? true : undefined}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}

function PreviewTable({ info }: { info: Inspection }) {
  const { t } = useTranslation('imports');
  const fields = info.rows[0]?.cells.map((c) => c.field) ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb={4}>
        {t('new.previewStep')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={680}>
        {t('new.previewHelp')}
      </Text>
      {info.rows.length === 0 ? (
        <Text size="sm">{t('new.previewEmpty')}</Text>
      ) : (
        <TableScroll minWidth={Math.max(480, 150 * (fields.length + 1))}>
          <Table aria-label={t('new.previewTable')} fz="sm" striped withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('new.line')}</Table.Th>
                {fields.map((f) => (
                  <Table.Th key={f}>{t(`fields.${f}`, { defaultValue: f })}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {info.rows.map((row) => (
                <Table.Tr key={row.line}>
                  <Table.Td>
                    {row.line}
                    {row.overflow > 0 && (
                      <Text size="xs" c="red.8">
                        {t('new.overflow', { count: row.overflow })}
                      </Text>
                    )}
                  </Table.Td>
                  {row.cells.map((cell) =>
                    cell.error ? (
                      <Table.Td key={cell.field} bg="red.0" data-error={cell.error.code}>
                        <Text size="sm" c="red.9" fw={500}>
                          {cell.raw ?? t('new.empty')}
                        </Text>
                        <Text size="xs" c="red.9">
                          {cell.error.message}
                        </Text>
                      </Table.Td>
                    ) : (
                      <Table.Td key={cell.field}>
                        {cell.value ?? (
                          <Text c="dimmed" size="sm" span>
                            —
                          </Text>
                        )}
                      </Table.Td>
                    ),
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Paper>
  );
}

function SaveProfile({ kind, settings }: { kind: ImportKind; settings: ImportSettings }) {
  const { t } = useTranslation('imports');
  const [name, setName] = useState('default');
  const save = useSaveProfile();
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label={t('new.profileName')}
        description={t('new.profileNameHelp')}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        maxLength={100}
        w={{ base: '100%', sm: 280 }}
        error={save.error ? save.error.message : undefined}
      />
      <Button
        variant="default"
        leftSection={<IconDeviceFloppy size={16} aria-hidden />}
        loading={save.isPending}
        disabled={!name.trim()}
        onClick={() =>
          save.mutate(
            { kind, name: name.trim(), settings },
            {
              onSuccess: (saved) =>
                notifications.show({ color: 'teal', message: t('new.profileSaved', { name: saved.name }) }),
            },
          )
        }
      >
        {t('new.saveProfile')}
      </Button>
    </Group>
  );
}

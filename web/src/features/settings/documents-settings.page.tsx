import {
  Anchor,
  Button,
  ColorInput,
  FileButton,
  Grid,
  Group,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../app/forms';
import { usePageTitle } from '../../app/page-title';
import { useSession } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import {
  ACCENT_COLOR,
  type DocumentSettings,
  MAX_FOOTER_LENGTH,
  previewUrl,
  type SavedDocumentSettings,
  useDocumentSettings,
  useRemoveLogo,
  useSaveDocumentSettings,
  useUploadLogo,
} from './documents.api';

const SWATCHES = ['#0f766e', '#1d4ed8', '#7c3aed', '#be123c', '#c2410c', '#15803d', '#0e7490', '#111827'];
const COLUMNS = ['showSku', 'showUnit', 'showDiscount', 'showTaxDetail', 'showPoNumber'] as const;

function settingsOf(saved: SavedDocumentSettings): DocumentSettings {
  const { hasLogo: _hasLogo, ...settings } = saved;
  return settings;
}

/** Owners and admins: the look of every invoice, credit memo and receipt, with a live preview. */
export function DocumentSettingsPage() {
  const { t } = useTranslation(['settings', 'common']);
  const settings = useDocumentSettings();
  usePageTitle(t('documents.title'));

  return (
    <>
      <PageHeader title={t('documents.title')} description={t('documents.description')} />
      {settings.data ? (
        <DocumentSettingsForm saved={settings.data} />
      ) : settings.isError ? (
        <ProblemAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Skeleton height={520} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Skeleton height={720} />
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}

function DocumentSettingsForm({ saved }: { saved: SavedDocumentSettings }) {
  const { t } = useTranslation(['settings', 'common']);
  const { csrfToken } = useSession();
  const save = useSaveDocumentSettings();
  const upload = useUploadLogo(csrfToken);
  const remove = useRemoveLogo();
  const [logoVersion, setLogoVersion] = useState(0);
  const form = useForm<DocumentSettings>({
    mode: 'controlled',
    initialValues: settingsOf(saved),
    validate: {
      accentColor: (value) => (ACCENT_COLOR.test(value) ? null : t('documents.invalidColor')),
    },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);

  // The preview follows the form ~600 ms after the last change, and only with a valid colour.
  const [debounced] = useDebouncedValue(form.values, 600);
  const [previewed, setPreviewed] = useState(settingsOf(saved));
  useEffect(() => {
    if (ACCENT_COLOR.test(debounced.accentColor)) setPreviewed(debounced);
  }, [debounced]);
  const src = previewUrl(previewed, logoVersion);

  const submit = form.onSubmit((values) => {
    clearFormError();
    save.mutate(values, {
      onSuccess: (result) => {
        form.setInitialValues(settingsOf(result));
        form.setValues(settingsOf(result));
        notifications.show({ color: 'teal', message: t('documents.saved') });
      },
      onError: handleError,
    });
  });

  const onLogo = (file: File | null) => {
    if (!file) return;
    upload.mutate(file, {
      onSuccess: () => {
        setLogoVersion((v) => v + 1);
        notifications.show({ color: 'teal', message: t('documents.logo.uploaded') });
      },
    });
  };
  const onRemoveLogo = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        setLogoVersion((v) => v + 1);
        notifications.show({ color: 'teal', message: t('documents.logo.removed') });
      },
    });

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
          <Stack gap="lg">
            {formError && <ProblemAlert error={formError} />}

            <Stack gap={6}>
              <Text fw={600} size="sm">
                {t('documents.logo.label')}
              </Text>
              <Group gap="sm" align="center">
                <IconPhoto size={20} aria-hidden stroke={1.5} />
                <Text size="sm" c={saved.hasLogo ? undefined : 'dimmed'}>
                  {saved.hasLogo ? t('documents.logo.present') : t('documents.logo.none')}
                </Text>
              </Group>
              <Group gap="sm">
                <FileButton onChange={onLogo} accept="image/png,image/jpeg">
                  {(props) => (
                    <Button
                      {...props}
                      variant="default"
                      size="sm"
                      loading={upload.isPending}
                      leftSection={<IconUpload size={16} aria-hidden />}
                    >
                      {saved.hasLogo ? t('documents.logo.replace') : t('documents.logo.upload')}
                    </Button>
                  )}
                </FileButton>
                {saved.hasLogo && (
                  <Button
                    variant="subtle"
                    color="red"
                    size="sm"
                    loading={remove.isPending}
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={onRemoveLogo}
                  >
                    {t('documents.logo.remove')}
                  </Button>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {t('documents.logo.hint')}
              </Text>
              {upload.isError && <ProblemAlert error={upload.error} />}
              {remove.isError && <ProblemAlert error={remove.error} />}
            </Stack>

            <ColorInput
              label={t('documents.accentColor.label')}
              description={t('documents.accentColor.description')}
              format="hex"
              swatches={SWATCHES}
              swatchesPerRow={8}
              withEyeDropper={false}
              {...form.getInputProps('accentColor')}
            />

            <Textarea
              label={t('documents.footerText.label')}
              description={t('documents.footerText.description')}
              placeholder={t('documents.footerText.placeholder')}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={MAX_FOOTER_LENGTH}
              {...form.getInputProps('footerText')}
            />

            <Stack gap="xs" role="group" aria-label={t('documents.columns.label')}>
              <Text fw={600} size="sm">
                {t('documents.columns.label')}
              </Text>
              {COLUMNS.map((name) => (
                <Switch
                  key={name}
                  label={t(`documents.columns.${name}`)}
                  {...form.getInputProps(name, { type: 'checkbox' })}
                />
              ))}
            </Stack>

            <Group justify="flex-end" gap="sm">
              <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
                {t('documents.reset')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                {t('documents.save')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Grid.Col>

      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Paper withBorder p="lg" radius="md">
          <Group justify="space-between" align="flex-start" mb="sm">
            <Stack gap={2}>
              <Title order={2} fz="lg">
                {t('documents.preview.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('documents.preview.description')}
              </Text>
            </Stack>
            <Anchor href={src} target="_blank" rel="noopener" size="sm">
              <Group gap={4} component="span">
                {t('documents.preview.open')}
                <IconExternalLink size={14} aria-hidden />
              </Group>
            </Anchor>
          </Group>
          <iframe
            src={src}
            title={t('documents.preview.frameTitle')}
            style={{
              width: '100%',
              height: 780,
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 4,
            }}
          />
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

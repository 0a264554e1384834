import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Code,
  Grid,
  Group,
  Loader,
  Paper,
  ScrollArea,
  SegmentedControl,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowBackUp, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api/client';
import type { Locale } from '../../app/api/types';
import { useFormatters } from '../../app/format';
import { isLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { CustomerSelect } from '../customers/customer-select';
import { framedHtml } from './framed-html';
import {
  type MailTemplate,
  type MailTemplatePart,
  type MailTemplateProblem,
  type MailTemplateSources,
  useMailPreview,
  useMailTemplate,
  useRestoreMailTemplate,
  useSaveMailTemplate,
  useTestSendMailTemplate,
} from './mail-templates.api';
import { MAIL_TEMPLATE_EDIT_ROLES } from './mail-templates-list.page';
import { useTemplateName } from './template-names';

const PARTS: MailTemplatePart[] = ['subject', 'preheader', 'textBody', 'htmlBody'];

const sourcesOf = (s: MailTemplateSources): MailTemplateSources => ({
  subject: s.subject,
  preheader: s.preheader,
  textBody: s.textBody,
  htmlBody: s.htmlBody,
});

/** One template in one language: its sources, variables, a live preview on a customer, versions. */
export function MailTemplateEditorPage() {
  const { t } = useTranslation(['mailTemplates', 'common']);
  const params = useParams();
  const key = params.key ?? '';
  const locale: Locale = isLocale(params.locale) ? params.locale : 'es';
  const template = useMailTemplate(key, locale);
  const templateName = useTemplateName();
  // Kept across saves (the editor starts afresh on each new version) and languages.
  const [customerId, setCustomerId] = useState<string | null>(null);
  const name = templateName(key);
  usePageTitle(`${name} · ${t(`locales.${locale}`)}`);
  return (
    <>
      <BackLink to="/console/settings/mail-templates">{t('editor.back')}</BackLink>
      <PageHeader
        title={t('editor.title', { name, language: t(`locales.${locale}`) })}
        description={t('editor.description', { example: '{{ variable }}' })}
        actions={<LocaleSwitch templateKey={key} locale={locale} />}
      />
      {template.data ? (
        <Editor
          key={`${key}:${locale}:${template.data.version ?? 0}`}
          template={template.data}
          customerId={customerId}
          setCustomerId={setCustomerId}
        />
      ) : template.isError ? (
        <ProblemAlert error={template.error} onRetry={() => void template.refetch()} />
      ) : (
        <Skeleton h={480} radius="md" />
      )}
    </>
  );
}

function LocaleSwitch({ templateKey, locale }: { templateKey: string; locale: Locale }) {
  const { t } = useTranslation('mailTemplates');
  const navigate = useNavigate();
  return (
    <SegmentedControl
      aria-label={t('list.language')}
      value={locale}
      onChange={(value) => void navigate(`/console/settings/mail-templates/${templateKey}/${value}`)}
      data={[
        { value: 'es', label: t('locales.es') },
        { value: 'en', label: t('locales.en') },
      ]}
    />
  );
}

/** The problems a refused save carried (problem+json with `problems`), if any. */
function problemsOfError(error: unknown): MailTemplateProblem[] {
  if (!(error instanceof ApiError)) return [];
  const problems = (error.problem as { problems?: MailTemplateProblem[] }).problems;
  return Array.isArray(problems) ? problems : [];
}

function Editor({
  template,
  customerId,
  setCustomerId,
}: {
  template: MailTemplate;
  customerId: string | null;
  setCustomerId: (id: string | null) => void;
}) {
  const { t } = useTranslation(['mailTemplates', 'common']);
  const { role } = useStaffContext();
  const canEdit = template.perSeller && (MAIL_TEMPLATE_EDIT_ROLES as readonly string[]).includes(role);
  const canTest = (MAIL_TEMPLATE_EDIT_ROLES as readonly string[]).includes(role);
  const saved = useMemo(() => sourcesOf(template), [template]);
  const [sources, setSources] = useState<MailTemplateSources>(saved);
  const [debounced] = useDebouncedValue(sources, 400);
  const preview = useMailPreview(template.key, template.locale, debounced, customerId);
  const save = useSaveMailTemplate(template.key, template.locale);
  const restore = useRestoreMailTemplate(template.key, template.locale);
  const testSend = useTestSendMailTemplate(template.key, template.locale);
  const refs = useRef<Partial<Record<MailTemplatePart, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const lastFocused = useRef<MailTemplatePart>('textBody');
  const dirty = PARTS.some((part) => sources[part] !== saved[part]);

  // The preview's problems while typing; a refused save's until the next edit.
  const saveProblems = problemsOfError(save.error);
  const problems: MailTemplateProblem[] = saveProblems.length ? saveProblems : (preview.data?.problems ?? []);
  const problemsOf = (part: MailTemplatePart) => problems.filter((p) => p.part === part);

  const set = (part: MailTemplatePart, value: string) => {
    save.reset();
    setSources((current) => ({ ...current, [part]: value }));
  };

  const insert = (variable: string) => {
    const part = lastFocused.current;
    const field = refs.current[part];
    const text = `{{ ${variable} }}`;
    const value = sources[part];
    const start = field?.selectionStart ?? value.length;
    const end = field?.selectionEnd ?? value.length;
    set(part, value.slice(0, start) + text + value.slice(end));
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const goTo = (problem: MailTemplateProblem) => {
    const field = refs.current[problem.part];
    if (!field) return;
    const lines = sources[problem.part].split('\n');
    const offset =
      lines.slice(0, problem.line - 1).reduce((sum, line) => sum + line.length + 1, 0) +
      Math.max(0, problem.column - 1);
    const lineEnd = offset - Math.max(0, problem.column - 1) + (lines[problem.line - 1]?.length ?? 0);
    field.focus();
    field.setSelectionRange(offset, Math.max(offset, lineEnd));
  };

  const onSave = () =>
    save.mutate(sources, {
      onSuccess: (result) =>
        notifications.show({ color: 'teal', message: t('editor.saved', { version: result.version }) }),
    });

  const onTest = () =>
    testSend.mutate(
      { sources, customerId },
      {
        onSuccess: (result) =>
          notifications.show({ color: 'teal', message: t('editor.testSent', { to: result.to }) }),
      },
    );

  const field = (part: MailTemplatePart) => {
    const errors = problemsOf(part);
    const error = errors.length ? <ProblemList problems={errors} onGo={goTo} /> : undefined;
    const common = {
      label: t(`editor.${part}`),
      value: sources[part],
      readOnly: !canEdit,
      error,
      onFocus: () => {
        lastFocused.current = part;
      },
      'data-testid': `field-${part}`,
      styles: { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } },
    };
    if (part === 'subject' || part === 'preheader')
      return (
        <TextInput
          key={part}
          {...common}
          description={part === 'preheader' ? t('editor.preheaderHint') : undefined}
          ref={(el) => {
            refs.current[part] = el;
          }}
          onChange={(e) => set(part, e.currentTarget.value)}
        />
      );
    return (
      <Textarea
        key={part}
        {...common}
        description={part === 'htmlBody' ? t('editor.htmlBodyHint') : undefined}
        autosize
        minRows={part === 'textBody' ? 8 : 10}
        maxRows={24}
        spellCheck={false}
        ref={(el) => {
          refs.current[part] = el;
        }}
        onChange={(e) => set(part, e.currentTarget.value)}
      />
    );
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          {!template.perSeller && (
            <Alert color="gray" variant="light">
              {t('editor.readOnly')}
            </Alert>
          )}
          {problems.length > 0 && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertCircle size={20} aria-hidden />}
              title={t('editor.problemsTitle')}
              role="alert"
              data-testid="template-problems"
            >
              {t('editor.problemsText')}
            </Alert>
          )}
          {save.isError && !saveProblems.length && <ProblemAlert error={save.error} />}
          {testSend.isError && <ProblemAlert error={testSend.error} />}
          {PARTS.map(field)}
          <Group gap="sm">
            {canEdit && (
              <Button
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                onClick={onSave}
                loading={save.isPending}
                disabled={!dirty || problems.length > 0}
              >
                {dirty ? t('editor.save') : t('editor.unchanged')}
              </Button>
            )}
            {canTest && (
              <Button
                variant="default"
                leftSection={<IconSend size={16} aria-hidden />}
                onClick={onTest}
                loading={testSend.isPending}
                disabled={problems.length > 0}
              >
                {t('editor.testSend')}
              </Button>
            )}
            {canEdit && dirty && (
              <Button variant="subtle" color="gray" onClick={() => setSources(saved)}>
                {t('editor.discard')}
              </Button>
            )}
            {canEdit && template.version !== null && (
              <Button variant="subtle" onClick={() => setSources(sourcesOf(template.defaults))}>
                {t('editor.useDefault')}
              </Button>
            )}
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} fz="md">
                  {t('preview.title')}
                </Title>
                {preview.isFetching && (
                  <Group gap={6}>
                    <Loader size="xs" />
                    <Text size="xs" c="dimmed">
                      {t('preview.updating')}
                    </Text>
                  </Group>
                )}
              </Group>
              <Box>
                <CustomerSelect
                  label={t('preview.customer')}
                  value={customerId}
                  onChange={setCustomerId}
                  required={false}
                  clearable
                />
                <Text size="xs" c="dimmed" mt={4}>
                  {t('preview.customerHint')}
                </Text>
              </Box>
              <PreviewPane preview={preview.data} error={preview.error} />
            </Stack>
          </Paper>
          <VariablesPanel template={template} onInsert={canEdit ? insert : undefined} />
          <VersionsPanel
            template={template}
            onLoad={(v) => setSources(sourcesOf(v))}
            onRestore={
              canEdit
                ? (version) =>
                    restore.mutate(version, {
                      onSuccess: (result) =>
                        notifications.show({
                          color: 'teal',
                          message: t('versions.restored', { from: version, version: result.version }),
                        }),
                    })
                : undefined
            }
            restoring={restore.isPending}
          />
          {restore.isError && <ProblemAlert error={restore.error} />}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function ProblemList({
  problems,
  onGo,
}: {
  problems: MailTemplateProblem[];
  onGo: (problem: MailTemplateProblem) => void;
}) {
  const { t } = useTranslation('mailTemplates');
  return (
    <Stack gap={2} component="span" data-testid="field-problems">
      {problems.map((problem) => (
        <Anchor
          key={`${problem.line}:${problem.column}:${problem.kind}`}
          component="button"
          type="button"
          size="xs"
          c="red"
          ta="left"
          onClick={() => onGo(problem)}
          title={t('editor.goToLine', { line: problem.line })}
        >
          {t('editor.problemAt', {
            line: problem.line,
            column: problem.column,
            reason:
              problem.kind === 'unknown_variable'
                ? t('editor.unknownVariable', { variable: problem.variable ?? '' })
                : (problem.reason ?? ''),
          })}
        </Anchor>
      ))}
    </Stack>
  );
}

function PreviewPane({
  preview,
  error,
}: {
  preview: ReturnType<typeof useMailPreview>['data'];
  error: unknown;
}) {
  const { t } = useTranslation('mailTemplates');
  if (error) return <ProblemAlert error={error} />;
  if (!preview) return <Skeleton h={360} />;
  if (preview.subject === null || preview.html === null)
    return (
      <Text size="sm" c="dimmed" data-testid="preview-blocked">
        {t('preview.blocked')}
      </Text>
    );
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="preview-subject" style={{ overflowWrap: 'anywhere' }}>
        <Text span c="dimmed" size="sm">
          {t('preview.subject')}:{' '}
        </Text>
        <strong>{preview.subject}</strong>
      </Text>
      <Tabs defaultValue="html" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="html">{t('preview.html')}</Tabs.Tab>
          <Tabs.Tab value="text">{t('preview.text')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="html" pt="xs">
          <iframe
            title={t('preview.frameTitle')}
            sandbox=""
            srcDoc={framedHtml(preview.html)}
            data-testid="preview-frame"
            style={{
              width: '100%',
              height: 560,
              border: '1px solid var(--mantine-color-gray-3)',
              borderRadius: 6,
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="xs">
          <ScrollArea.Autosize mah={560}>
            <Code
              block
              data-testid="preview-text"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {preview.text}
            </Code>
          </ScrollArea.Autosize>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function VariablesPanel({
  template,
  onInsert,
}: {
  template: MailTemplate;
  onInsert?: (name: string) => void;
}) {
  const { t, i18n } = useTranslation('mailTemplates');
  const language: Locale = i18n.resolvedLanguage === 'es' ? 'es' : 'en';
  return (
    <Paper withBorder radius="md" p="md" data-testid="variables">
      <Title order={2} fz="md">
        {t('variables.title')}
      </Title>
      {onInsert && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('variables.hint')}
        </Text>
      )}
      <Stack gap={6} mt="xs">
        {template.variables.map((variable) => (
          <Group key={variable.name} gap="xs" wrap="nowrap" align="flex-start">
            {onInsert ? (
              <UnstyledButton
                onClick={() => onInsert(variable.name)}
                aria-label={`{{ ${variable.name} }}`}
                style={{ flexShrink: 0 }}
              >
                <Code c="teal.8">{`{{ ${variable.name} }}`}</Code>
              </UnstyledButton>
            ) : (
              <Code style={{ flexShrink: 0 }}>{`{{ ${variable.name} }}`}</Code>
            )}
            <Text size="xs" c="dimmed" style={{ minWidth: 0 }}>
              {variable.description[language]}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function VersionsPanel({
  template,
  onLoad,
  onRestore,
  restoring,
}: {
  template: MailTemplate;
  onLoad: (version: MailTemplate['versions'][number]) => void;
  onRestore?: (version: number) => void;
  restoring: boolean;
}) {
  const { t } = useTranslation('mailTemplates');
  const format = useFormatters();
  return (
    <Paper withBorder radius="md" p="md" data-testid="versions">
      <Title order={2} fz="md" mb="xs">
        {t('versions.title')}
      </Title>
      {template.versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('versions.none')}
        </Text>
      ) : (
        <Stack gap={0}>
          {template.versions.map((v, i) => (
            <Group
              key={v.version}
              justify="space-between"
              gap="xs"
              py={6}
              wrap="nowrap"
              style={{ borderTop: i ? '1px solid var(--mantine-color-gray-2)' : undefined }}
            >
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {t('list.versionN', { version: v.version })}
                  </Text>
                  {i === 0 && (
                    <Badge size="xs" color="teal">
                      {t('versions.inUse')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {t('versions.by', { date: format.dateTime(String(v.createdAt)), who: v.createdBy ?? '—' })}
                </Text>
              </Stack>
              <Group gap={4} wrap="nowrap">
                <Button size="compact-xs" variant="subtle" onClick={() => onLoad(v)}>
                  {t('versions.load')}
                </Button>
                {onRestore && i > 0 && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    leftSection={<IconArrowBackUp size={12} aria-hidden />}
                    loading={restoring}
                    onClick={() => onRestore(v.version)}
                  >
                    {t('versions.restore')}
                  </Button>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

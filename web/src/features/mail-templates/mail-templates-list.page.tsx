import { Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Locale } from '../../app/api/types';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { type MailTemplateListItem, useMailTemplates } from './mail-templates.api';
import { useTemplateName } from './template-names';

export const MAIL_TEMPLATE_EDIT_ROLES = ['owner', 'admin'] as const;
const LOCALES: Locale[] = ['es', 'en'];

/** Every mail template, its version in use and how often (and when last) it was used, per language. */
export function MailTemplatesListPage() {
  const { t } = useTranslation(['mailTemplates', 'common']);
  const templates = useMailTemplates();
  const { orgName } = useStaffContext();
  usePageTitle(t('list.title'));
  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description', { org: orgName })} />
      {templates.isError ? (
        <ProblemAlert error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" aria-label={t('list.tableLabel')}>
          {templates.data
            ? templates.data.items.map((item) => <TemplateCard key={item.key} item={item} />)
            : [0, 1, 2, 3].map((i) => <Skeleton key={i} h={150} radius="md" />)}
        </SimpleGrid>
      )}
    </>
  );
}

function TemplateCard({ item }: { item: MailTemplateListItem }) {
  const { t } = useTranslation(['mailTemplates', 'common']);
  const format = useFormatters();
  const { role } = useStaffContext();
  const templateName = useTemplateName();
  const canEdit = item.perSeller && (MAIL_TEMPLATE_EDIT_ROLES as readonly string[]).includes(role);
  return (
    <Paper withBorder radius="md" p="md" data-testid={`template-${item.key}`}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm" wrap="nowrap">
        <Title order={2} fz="md" fw={600} style={{ minWidth: 0 }}>
          {templateName(item.key)}
        </Title>
        {!item.perSeller && (
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
            {t('list.saldoOwn')}
          </Badge>
        )}
      </Group>
      <Stack gap="xs">
        {LOCALES.map((locale) => {
          const version = item.versions[locale];
          const usage = item.usage[locale];
          return (
            <Group
              key={locale}
              justify="space-between"
              gap="xs"
              wrap="nowrap"
              py={6}
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
              data-testid={`template-${item.key}-${locale}`}
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={500}>
                    {t(`locales.${locale}`)}
                  </Text>
                  <Badge size="sm" variant={version ? 'filled' : 'outline'} color={version ? 'teal' : 'gray'}>
                    {version ? t('list.versionN', { version }) : t('list.default')}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" data-testid="usage">
                  {t('list.uses')}: {t('list.usesCount', { count: usage.count })} · {t('list.lastUsed')}:{' '}
                  {usage.lastUsedAt ? format.dateTime(String(usage.lastUsedAt)) : t('list.never')}
                </Text>
              </Stack>
              <Button
                component={Link}
                to={`/console/settings/mail-templates/${item.key}/${locale}`}
                variant="light"
                size="compact-sm"
                leftSection={canEdit ? <IconPencil size={14} aria-hidden /> : undefined}
                style={{ flexShrink: 0 }}
                aria-label={`${canEdit ? t('list.edit') : t('list.view')}: ${templateName(item.key)} (${t(`locales.${locale}`)})`}
              >
                {canEdit ? t('list.edit') : t('list.view')}
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}

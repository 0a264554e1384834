import { Anchor, Highlight, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { isLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/page-title';
import { SectionLoader } from '../../shared/ui/loaders';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { useHelpIndex } from './help.api';
import { HelpSearch } from './help-search';

/** `/help`: every topic, and the pages matching the search as it is typed. */
export function HelpIndexPage() {
  const { t, i18n } = useTranslation('help');
  const lang = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const [params, setParams] = useSearchParams();
  const { state } = useLocation();
  const [typed, setTyped] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(typed.trim(), 250);
  usePageTitle(t('title'));

  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setParams(q ? { q } : {}, { replace: true, state });
  }, [q, params, setParams, state]);

  const { data, error, refetch, isPending } = useHelpIndex(lang, q);
  const words = q.split(/\s+/).filter(Boolean);

  return (
    <Stack gap="xl" pt="md">
      <Stack gap={4}>
        <Title order={1} fz={28}>
          {t('title')}
        </Title>
        <Text c="dimmed">{t('description')}</Text>
      </Stack>
      <HelpSearch value={typed} onChange={setTyped} />
      {error && <ProblemAlert error={error} onRetry={() => void refetch()} />}
      {isPending && <SectionLoader />}
      {data?.results && (
        <Stack gap="md" aria-live="polite" data-testid="help-results">
          <Text fw={500}>
            {data.results.length ? t('results', { count: data.results.length, q }) : t('noResults', { q })}
          </Text>
          {data.results.map((r) => (
            <Paper key={r.slug} withBorder p="md">
              <Anchor component={Link} to={`/help/${r.slug}`} state={state} fw={600}>
                {r.title}
              </Anchor>
              <Highlight highlight={words} size="sm" c="dimmed" mt={4}>
                {r.snippet}
              </Highlight>
            </Paper>
          ))}
        </Stack>
      )}
      {data && (
        <Stack gap="sm">
          <Title order={2} fz={18}>
            {t('allPages')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {data.pages.map((p) => (
              <Paper key={p.slug} withBorder p="md">
                <Anchor component={Link} to={`/help/${p.slug}`} state={state} fw={600}>
                  {p.title}
                </Anchor>
                <Text size="sm" c="dimmed" mt={4} lineClamp={3}>
                  {p.summary}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  );
}

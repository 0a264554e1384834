import { Anchor, Group, Stack, Text, Title, Typography } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { type MouseEvent, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api/client';
import { isLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/page-title';
import { SectionLoader } from '../../shared/ui/loaders';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { useHelpArticle } from './help.api';
import { HelpSearch } from './help-search';

/** `/help/:slug`: one page of the guide in the chosen language; switching language keeps the page. */
export function HelpArticlePage() {
  const { t, i18n } = useTranslation('help');
  const lang = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const { state, hash } = useLocation();
  const { data, error, refetch, isPending } = useHelpArticle(lang, slug);
  usePageTitle(data?.title ?? t('title'));

  // The page's address follows the language it is shown in (a slug of the other language is kept working).
  useEffect(() => {
    if (data && data.slug !== slug) navigate(`/help/${data.slug}${hash}`, { replace: true, state });
  }, [data, slug, hash, state, navigate]);

  // Links between pages stay inside the app.
  const followLink = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = (event.target as HTMLElement).closest('a');
    const href = anchor?.getAttribute('href');
    if (!href?.startsWith('/') || event.metaKey || event.ctrlKey || event.shiftKey) return;
    if (href.startsWith('/api/')) return;
    event.preventDefault();
    navigate(href, { state });
  };

  return (
    <Stack gap="lg" pt="md">
      <Group justify="space-between" align="flex-end" gap="md">
        <Anchor component={Link} to="/help" size="sm" state={state}>
          <Group gap={4} wrap="nowrap" component="span">
            <IconArrowLeft size={16} aria-hidden />
            {t('title')}
          </Group>
        </Anchor>
        <div style={{ minWidth: 260 }}>
          <HelpSearch />
        </div>
      </Group>
      {isPending && <SectionLoader />}
      {error &&
        (isApiError(error, 'not_found') ? (
          <Stack gap="xs">
            <Title order={1} fz={26}>
              {t('notFoundTitle')}
            </Title>
            <Text c="dimmed">{t('notFoundText')}</Text>
          </Stack>
        ) : (
          <ProblemAlert error={error} onRetry={() => void refetch()} />
        ))}
      {data && (
        // biome-ignore lint/a11y/noStaticElementInteractions: catches clicks on the links inside the page
        // biome-ignore lint/a11y/useKeyWithClickEvents: the links themselves are focusable and keyboard-operable
        <div onClick={followLink} lang={data.lang} data-testid="help-article">
          <Typography>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Saldo's own guide, rendered on the server with raw HTML escaped */}
            <div dangerouslySetInnerHTML={{ __html: data.html }} />
          </Typography>
        </div>
      )}
    </Stack>
  );
}

import { ActionIcon, Button } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, useLocation } from 'react-router';
import { helpLinks } from './help-links';

/** The help page of an address (helpLinks, first match wins), or null for the help centre's index. */
export function helpSlugFor(pathname: string): string | null {
  const link = helpLinks.find((l) => matchPath({ path: l.path, end: l.end ?? true }, pathname));
  return link?.slug ?? null;
}

/** "Help" in the shell: the current screen's page of the help centre, opened in place. */
export function HelpLink({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation('help');
  const { pathname, search } = useLocation();
  const slug = helpSlugFor(pathname);
  const to = slug ? `/help/${slug}` : '/help';
  const state = { from: `${pathname}${search}` };
  if (compact)
    return (
      <ActionIcon
        component={Link}
        to={to}
        state={state}
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={t('linkLabel')}
        data-testid="help-link"
      >
        <IconHelpCircle size={20} stroke={1.6} aria-hidden />
      </ActionIcon>
    );
  return (
    <Button
      component={Link}
      to={to}
      state={state}
      variant="subtle"
      color="gray"
      size="xs"
      px="xs"
      leftSection={<IconHelpCircle size={18} stroke={1.6} aria-hidden />}
      data-testid="help-link"
      title={t('linkLabel')}
    >
      {t('link')}
    </Button>
  );
}

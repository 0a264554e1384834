import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { styleNonce } from './csp-nonce';
import i18n, { currentLocale } from './i18n';
import { queryClient } from './query-client';
import { useMe } from './session';
import { type CalendarLabels, cssVariablesResolver, localizedTheme } from './theme';

/** See csp-nonce.ts: every <style> Mantine adds carries the response's nonce. */
const nonce = styleNonce;
const getStyleNonce = nonce ? () => nonce : undefined;

/** Once someone is signed in, their saved language wins over this browser's. */
function FollowUserLanguage() {
  const locale = useMe().data?.user.locale;
  useEffect(() => {
    if (locale && locale !== currentLocale()) void i18n.changeLanguage(locale);
  }, [locale]);
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const theme = useMemo(
    () =>
      localizedTheme({
        close: t('actions.close'),
        clear: t('actions.clear'),
        calendar: t('calendar', { returnObjects: true }) as CalendarLabels,
      }),
    [t],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="light"
        getStyleNonce={getStyleNonce}
      >
        <Notifications position="top-right" />
        <FollowUserLanguage />
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}

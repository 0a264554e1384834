import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiSessionRequest } from '../../app/api/client';
import { type Context, homePathFor, type Locale, type Me } from '../../app/api/types';
import i18n, { currentLocale } from '../../app/i18n';
import { meQueryKey } from '../../app/query-client';
import { useMe, useReplaceSession } from '../../app/session';

/** Switches to another seller or customer account and opens its console or portal. */
export function useSwitchContext() {
  const replaceSession = useReplaceSession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (context: Context) =>
      apiSessionRequest(
        'PUT',
        '/api/v1/me/context',
        context.kind === 'staff'
          ? { kind: 'staff', orgId: context.orgId }
          : { kind: 'customer', orgId: context.orgId, accountId: context.accountId },
      ),
    onSuccess: (me) => {
      replaceSession(me);
      navigate(homePathFor(me.context));
    },
  });
}

/**
 * Changes the interface language at once; when signed in, also saves it on the user (so
 * e-mails and server messages follow) and goes back if that fails.
 */
export function useChangeLanguage() {
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Locale) => apiSessionRequest('PUT', '/api/v1/me/locale', { locale }),
    onSuccess: (saved: Me) => queryClient.setQueryData(meQueryKey, saved),
  });

  return (locale: Locale) => {
    const previous = currentLocale();
    if (locale === previous) return;
    void i18n.changeLanguage(locale);
    if (!me) return;
    save.mutate(locale, {
      onError: () => {
        void i18n.changeLanguage(previous);
        notifications.show({ color: 'red', message: i18n.t('language.changeFailed') });
      },
    });
  };
}

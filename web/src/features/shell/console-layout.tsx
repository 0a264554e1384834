import { IconHome, IconMail, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useStaffContext } from '../../app/session';
import { AppFrame, type NavItem } from './app-frame';

export const OUTBOX_ROLES = ['owner', 'admin'] as const;

/** The seller staff's console. */
export function ConsoleLayout() {
  const { t } = useTranslation(['shell', 'common']);
  const { role } = useStaffContext();
  const nav: NavItem[] = [
    { to: '/console', label: t('nav.home'), icon: IconHome, end: true },
    ...((OUTBOX_ROLES as readonly string[]).includes(role)
      ? [{ to: '/console/outbox', label: t('nav.outbox'), icon: IconMail }]
      : []),
    { to: '/console/team', label: t('nav.team'), icon: IconUsers },
  ];
  return <AppFrame nav={nav} navLabel={t('nav.consoleLabel')} />;
}

import { IconHome, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCustomerContext } from '../../app/session';
import { AppFrame, type NavItem } from './app-frame';

/** The customer's portal. */
export function PortalLayout() {
  const { t } = useTranslation(['shell', 'common']);
  const { role } = useCustomerContext();
  const nav: NavItem[] = [
    { to: '/portal', label: t('nav.home'), icon: IconHome, end: true },
    ...(role === 'account_admin' ? [{ to: '/portal/users', label: t('nav.users'), icon: IconUsers }] : []),
  ];
  return <AppFrame nav={nav} navLabel={t('nav.portalLabel')} />;
}

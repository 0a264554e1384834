import {
  IconCalendarRepeat,
  IconCash,
  IconFileInvoice,
  IconHome,
  IconReceiptRefund,
  IconTruckDelivery,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCustomerContext } from '../../app/session';
import { AppFrame, type NavItem } from './app-frame';

/** The customer's portal. */
export function PortalLayout() {
  const { t } = useTranslation(['shell', 'common']);
  const { role } = useCustomerContext();
  const nav: NavItem[] = [
    { to: '/portal', label: t('nav.home'), icon: IconHome, end: true },
    { to: '/portal/invoices', label: t('invoices.title', { ns: 'portalDocuments' }), icon: IconFileInvoice },
    { to: '/portal/credits', label: t('credits.title', { ns: 'portalDocuments' }), icon: IconReceiptRefund },
    { to: '/portal/payments', label: t('payments.title', { ns: 'portalDocuments' }), icon: IconCash },
    // Accountants read; the page says who may change it.
    { to: '/portal/autopay', label: t('page.title', { ns: 'autopay' }), icon: IconCalendarRepeat },
    { to: '/portal/delivery', label: t('portalTitle', { ns: 'delivery' }), icon: IconTruckDelivery },
    ...(role === 'account_admin' ? [{ to: '/portal/users', label: t('nav.users'), icon: IconUsers }] : []),
  ];
  return <AppFrame nav={nav} navLabel={t('nav.portalLabel')} />;
}

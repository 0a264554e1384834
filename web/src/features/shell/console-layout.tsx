import {
  IconBellRinging,
  IconBuildingBank,
  IconBuildingStore,
  IconCalendarDollar,
  IconCash,
  IconCreditCard,
  IconFileImport,
  IconFileInvoice,
  IconFileSettings,
  IconHome,
  IconMail,
  IconMailCog,
  IconMessageQuestion,
  IconPrinter,
  IconReceiptRefund,
  IconRefreshDot,
  IconReportMoney,
  IconSend,
  IconUsers,
  IconWebhook,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useStaffContext } from '../../app/session';
import { AppFrame, type NavItem } from './app-frame';

export const OUTBOX_ROLES = ['owner', 'admin'] as const;
export const DOCUMENT_SETTINGS_ROLES = ['owner', 'admin'] as const;
export const PAYMENT_SETTINGS_ROLES = ['owner', 'admin'] as const;

/** The seller staff's console. */
export function ConsoleLayout() {
  const { t } = useTranslation(['shell', 'common']);
  const { role } = useStaffContext();
  const nav: NavItem[] = [
    { to: '/console', label: t('nav.home'), icon: IconHome, end: true },
    { to: '/console/customers', label: t('list.title', { ns: 'customers' }), icon: IconBuildingStore },
    { to: '/console/invoices', label: t('list.title', { ns: 'consoleInvoices' }), icon: IconFileInvoice },
    { to: '/console/payments', label: t('list.title', { ns: 'payments' }), icon: IconCash },
    { to: '/console/credits', label: t('list.title', { ns: 'credits' }), icon: IconReceiptRefund },
    { to: '/console/inquiries', label: t('nav', { ns: 'inquiries' }), icon: IconMessageQuestion },
    ...((OUTBOX_ROLES as readonly string[]).includes(role)
      ? [{ to: '/console/outbox', label: t('nav.outbox'), icon: IconMail }]
      : []),
    { to: '/console/reports/aging', label: t('nav', { ns: 'reports' }), icon: IconReportMoney },
    { to: '/console/deposits', label: t('nav', { ns: 'deposits' }), icon: IconBuildingBank },
    { to: '/console/print', label: t('print.nav', { ns: 'delivery' }), icon: IconPrinter },
    { to: '/console/imports', label: t('nav', { ns: 'imports' }), icon: IconFileImport },
    { to: '/console/team', label: t('nav.team'), icon: IconUsers },
    ...((DOCUMENT_SETTINGS_ROLES as readonly string[]).includes(role)
      ? [{ to: '/console/settings/documents', label: t('nav', { ns: 'settings' }), icon: IconFileSettings }]
      : []),
    ...((PAYMENT_SETTINGS_ROLES as readonly string[]).includes(role)
      ? [
          {
            to: '/console/settings/payments',
            label: t('paymentsNav', { ns: 'settings' }),
            icon: IconCreditCard,
          },
        ]
      : []),
    { to: '/console/settings/erp-sync', label: t('nav', { ns: 'erpSync' }), icon: IconRefreshDot },
    { to: '/console/settings/webhooks', label: t('nav', { ns: 'webhooks' }), icon: IconWebhook },
    { to: '/console/settings/mail-templates', label: t('nav', { ns: 'mailTemplates' }), icon: IconMailCog },
    { to: '/console/settings/reminders', label: t('nav', { ns: 'dunning' }), icon: IconBellRinging },
    { to: '/console/settings/delivery', label: t('settings.nav', { ns: 'delivery' }), icon: IconSend },
    { to: '/console/settings/statements', label: t('nav', { ns: 'statements' }), icon: IconCalendarDollar },
  ];
  return <AppFrame nav={nav} navLabel={t('nav.consoleLabel')} />;
}

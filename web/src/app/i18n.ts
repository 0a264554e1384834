import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import authEn from '../features/auth/i18n/en.json';
import authEs from '../features/auth/i18n/es.json';
import autopayEn from '../features/autopay/i18n/en.json';
import autopayEs from '../features/autopay/i18n/es.json';
import collectionsEn from '../features/collections/i18n/en.json';
import collectionsEs from '../features/collections/i18n/es.json';
import consoleInvoicesEn from '../features/console-invoices/i18n/en.json';
import consoleInvoicesEs from '../features/console-invoices/i18n/es.json';
import creditsEn from '../features/credits/i18n/en.json';
import creditsEs from '../features/credits/i18n/es.json';
import customersEn from '../features/customers/i18n/en.json';
import customersEs from '../features/customers/i18n/es.json';
import deliveryEn from '../features/delivery/i18n/en.json';
import deliveryEs from '../features/delivery/i18n/es.json';
import depositsEn from '../features/deposits/i18n/en.json';
import depositsEs from '../features/deposits/i18n/es.json';
import dunningEn from '../features/dunning/i18n/en.json';
import dunningEs from '../features/dunning/i18n/es.json';
import erpSyncEn from '../features/erp-sync/i18n/en.json';
import erpSyncEs from '../features/erp-sync/i18n/es.json';
import helpEn from '../features/help/i18n/en.json';
import helpEs from '../features/help/i18n/es.json';
import homeEn from '../features/home/i18n/en.json';
import homeEs from '../features/home/i18n/es.json';
import importsEn from '../features/imports/i18n/en.json';
import importsEs from '../features/imports/i18n/es.json';
import inquiriesEn from '../features/inquiries/i18n/en.json';
import inquiriesEs from '../features/inquiries/i18n/es.json';
import invoicesEn from '../features/invoices/i18n/en.json';
import invoicesEs from '../features/invoices/i18n/es.json';
import mailTemplatesEn from '../features/mail-templates/i18n/en.json';
import mailTemplatesEs from '../features/mail-templates/i18n/es.json';
import outboxEn from '../features/outbox/i18n/en.json';
import outboxEs from '../features/outbox/i18n/es.json';
import payLinkEn from '../features/pay-link/i18n/en.json';
import payLinkEs from '../features/pay-link/i18n/es.json';
import payNowEn from '../features/pay-now/i18n/en.json';
import payNowEs from '../features/pay-now/i18n/es.json';
import paymentsEn from '../features/payments/i18n/en.json';
import paymentsEs from '../features/payments/i18n/es.json';
import portalDashboardEn from '../features/portal-dashboard/i18n/en.json';
import portalDashboardEs from '../features/portal-dashboard/i18n/es.json';
import portalDocumentsEn from '../features/portal-documents/i18n/en.json';
import portalDocumentsEs from '../features/portal-documents/i18n/es.json';
import portalPayEn from '../features/portal-pay/i18n/en.json';
import portalPayEs from '../features/portal-pay/i18n/es.json';
import reportsEn from '../features/reports/i18n/en.json';
import reportsEs from '../features/reports/i18n/es.json';
import settingsEn from '../features/settings/i18n/en.json';
import settingsEs from '../features/settings/i18n/es.json';
import shellEn from '../features/shell/i18n/en.json';
import shellEs from '../features/shell/i18n/es.json';
import statementsEn from '../features/statements/i18n/en.json';
import statementsEs from '../features/statements/i18n/es.json';
import takePaymentEn from '../features/take-payment/i18n/en.json';
import takePaymentEs from '../features/take-payment/i18n/es.json';
import teamEn from '../features/team/i18n/en.json';
import teamEs from '../features/team/i18n/es.json';
import webhooksEn from '../features/webhooks/i18n/en.json';
import webhooksEs from '../features/webhooks/i18n/es.json';
import kitEn from '../shared/ui/i18n/en.json';
import kitEs from '../shared/ui/i18n/es.json';
import type { Locale } from './api/types';
import commonEn from './i18n/en.json';
import commonEs from './i18n/es.json';
import { oneFullStop } from './sentence-end';

/**
 * One i18next namespace per feature (plus `common` for what several share, and `kit` for the
 * shared UI kit in shared/ui). English is the reference for key types; test/web-i18n.test.ts
 * keeps the Spanish files key-for-key equal.
 */
export const resources = {
  en: {
    common: commonEn,
    kit: kitEn,
    auth: authEn,
    shell: shellEn,
    home: homeEn,
    outbox: outboxEn,
    mailTemplates: mailTemplatesEn,
    team: teamEn,
    invoices: invoicesEn,
    customers: customersEn,
    deposits: depositsEn,
    imports: importsEn,
    inquiries: inquiriesEn,
    payments: paymentsEn,
    credits: creditsEn,
    consoleInvoices: consoleInvoicesEn,
    portalDashboard: portalDashboardEn,
    portalDocuments: portalDocumentsEn,
    portalPay: portalPayEn,
    autopay: autopayEn,
    payLink: payLinkEn,
    payNow: payNowEn,
    reports: reportsEn,
    settings: settingsEn,
    webhooks: webhooksEn,
    erpSync: erpSyncEn,
    collections: collectionsEn,
    statements: statementsEn,
    delivery: deliveryEn,
    takePayment: takePaymentEn,
    help: helpEn,
    dunning: dunningEn,
  },
  es: {
    common: commonEs,
    kit: kitEs,
    auth: authEs,
    shell: shellEs,
    home: homeEs,
    outbox: outboxEs,
    mailTemplates: mailTemplatesEs,
    team: teamEs,
    invoices: invoicesEs,
    customers: customersEs,
    deposits: depositsEs,
    imports: importsEs,
    inquiries: inquiriesEs,
    payments: paymentsEs,
    credits: creditsEs,
    consoleInvoices: consoleInvoicesEs,
    portalDashboard: portalDashboardEs,
    portalDocuments: portalDocumentsEs,
    portalPay: portalPayEs,
    autopay: autopayEs,
    payLink: payLinkEs,
    payNow: payNowEs,
    reports: reportsEs,
    settings: settingsEs,
    webhooks: webhooksEs,
    erpSync: erpSyncEs,
    collections: collectionsEs,
    statements: statementsEs,
    delivery: deliveryEs,
    takePayment: takePaymentEs,
    help: helpEs,
    dunning: dunningEs,
  },
} as const;

export const LOCALES: readonly Locale[] = ['es', 'en'];
const STORAGE_KEY = 'saldo.language';

export function isLocale(value: unknown): value is Locale {
  return value === 'es' || value === 'en';
}

/** The language before we know who the user is: their last choice here, else the browser's. */
function initialLanguage(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be unavailable (private modes, blocked cookies); the browser's language will do.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : 'en';
}

/** BCP 47 tag for Intl: Latin-American Spanish and US English. */
export function intlLocale(locale: Locale = currentLocale()): string {
  return locale === 'es' ? 'es-419' : 'en-US';
}

function rememberLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not being able to remember the choice only matters on the next visit.
  }
}

i18n.on('languageChanged', rememberLanguage);

void i18n
  .use(initReactI18next)
  // Interpolated names may end in a stop ("Co.", "S.A."): the sentence ends with one, not two.
  .use({ type: 'postProcessor', name: 'oneFullStop', process: (value: string) => oneFullStop(value) })
  .init({
    resources,
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: LOCALES,
    ns: Object.keys(resources.en),
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    returnNull: false,
    postProcess: ['oneFullStop'],
  });

document.documentElement.lang = currentLocale();

export default i18n;

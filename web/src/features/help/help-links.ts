/**
 * The one table from the app's screens to their help centre page. The shell's "Help" link looks
 * the current address up here (first match wins); a screen without an entry links to the help
 * centre's index. A slug names the page in any language: the server answers with the page in the
 * reader's language. test/http/help.test.ts checks every slug exists in Spanish and English.
 */
export interface HelpLink {
  /** A React Router path pattern; `end: false` also matches the addresses below it. */
  path: string;
  end?: boolean;
  slug: string;
}

export const helpLinks: readonly HelpLink[] = [
  { path: '/sign-in', slug: 'sign-in' },
  { path: '/forgot-password', slug: 'forgot-password' },
  { path: '/reset-password/:token', slug: 'forgot-password' },
  { path: '/invitations/:token', slug: 'accept-an-invitation' },
  { path: '/choose', slug: 'several-sellers-and-accounts' },
  { path: '/console/customers/new', slug: 'customers-by-hand' },
  { path: '/console/customers/:id/edit', slug: 'customers-by-hand' },
  { path: '/console/invoices/new', slug: 'new-invoice' },
  { path: '/console/inquiries', slug: 'questions-disputes-and-promises' },
  { path: '/console/customers', end: false, slug: 'console-customers' },
  { path: '/console/invoices', end: false, slug: 'console-customers' },
  { path: '/console/payments/take', slug: 'console-take-payment' },
  { path: '/console/payments', end: false, slug: 'console-record-a-payment' },
  { path: '/console/credits', end: false, slug: 'console-credit-memos' },
  { path: '/console/outbox', end: false, slug: 'console-outbox' },
  { path: '/console/team', slug: 'console-team' },
  { path: '/console/settings/documents', slug: 'console-document-settings' },
  { path: '/console/settings/payments', slug: 'console-online-payments' },
  { path: '/console/settings/webhooks', slug: 'webhooks' },
  { path: '/console/settings/mail-templates', end: false, slug: 'mail-templates' },
  { path: '/console/settings/erp-sync', slug: 'erp-sync' },
  { path: '/console/settings/reminders', slug: 'reminders-and-holds' },
  { path: '/console/settings/statements', slug: 'statements' },
  { path: '/console/settings/delivery', slug: 'e-invoices-ubl-edi' },
  { path: '/console/reports/aging', slug: 'console-aging-report' },
  { path: '/console/deposits', end: false, slug: 'console-deposits' },
  { path: '/console/imports', end: false, slug: 'imports' },
  { path: '/console', slug: 'several-sellers-and-accounts' },
  { path: '/portal', slug: 'portal-balance-and-invoices' },
  { path: '/portal/invoices', end: false, slug: 'portal-balance-and-invoices' },
  { path: '/portal/credits', slug: 'portal-credits-and-payments' },
  { path: '/portal/payments', slug: 'portal-credits-and-payments' },
  { path: '/portal/payments/:id', slug: 'portal-pay-online' },
  { path: '/portal/pay', slug: 'portal-pay-online' },
  { path: '/portal/payment-methods', slug: 'portal-payment-methods' },
  { path: '/portal/autopay', slug: 'portal-autopay' },
  { path: '/portal/delivery', slug: 'delivery-preferences' },
  { path: '/console/print', slug: 'print-batch' },
  { path: '/portal/users', slug: 'portal-users' },
  { path: '/pay', end: false, slug: 'credit-checks-and-pay-links' },
];

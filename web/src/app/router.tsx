import type { ComponentType } from 'react';
import { createBrowserRouter, type LazyRouteFunction, type RouteObject } from 'react-router';
import { AR_WRITE_ROLES } from '../features/invoices/ar.types';
import { CenteredLayout } from '../features/shell/centered-layout';
import {
  ConsoleLayout,
  DOCUMENT_SETTINGS_ROLES,
  OUTBOX_ROLES,
  PAYMENT_SETTINGS_ROLES,
} from '../features/shell/console-layout';
import { NotFoundContent, NotFoundPage } from '../features/shell/not-found';
import { PortalLayout } from '../features/shell/portal-layout';
import { RouteError } from '../features/shell/route-error';
import type { CustomerRole, StaffRole } from './api/types';
import { RequireContext, RequireRole, RequireSignedIn, RootRedirect } from './guards';

/**
 * A page loaded when it is first opened, in its own chunk (a first visit downloads the shell and
 * the page it opens, not the whole app). `roles`: only they may open it (RequireRole).
 */
function page<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
  roles?: readonly (StaffRole | CustomerRole)[],
): LazyRouteFunction<RouteObject> {
  return async () => {
    const Page = pick(await load());
    return roles
      ? {
          element: (
            <RequireRole roles={roles}>
              <Page />
            </RequireRole>
          ),
        }
      : { Component: Page };
  };
}

/**
 * Every address of the app. The server answers each of them (and any other path outside
 * /api) with index.html, so deep links and reloads work. The help centre (`/help`) is open
 * signed in or not; its page for each screen is in features/help/help-links.ts.
 */
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <RootRedirect /> },
      {
        element: <CenteredLayout />,
        children: [
          {
            path: '/sign-in',
            lazy: page(
              () => import('../features/auth/sign-in.page'),
              (m) => m.SignInPage,
            ),
          },
          {
            path: '/forgot-password',
            lazy: page(
              () => import('../features/auth/forgot-password.page'),
              (m) => m.ForgotPasswordPage,
            ),
          },
          {
            path: '/reset-password/:token',
            lazy: page(
              () => import('../features/auth/reset-password.page'),
              (m) => m.ResetPasswordPage,
            ),
          },
          {
            path: '/invitations/:token',
            lazy: page(
              () => import('../features/auth/accept-invitation.page'),
              (m) => m.AcceptInvitationPage,
            ),
          },
          {
            path: '/pay/return/:linkId',
            lazy: page(
              () => import('../features/pay-link/pay-link-return.page'),
              (m) => m.PayLinkReturnPage,
            ),
          },
          {
            path: '/pay/:token',
            lazy: page(
              () => import('../features/pay-link/pay-link.page'),
              (m) => m.PayLinkPage,
            ),
          },
        ],
      },
      {
        path: '/help',
        lazy: page(
          () => import('../features/help/help-layout'),
          (m) => m.HelpLayout,
        ),
        children: [
          {
            index: true,
            lazy: page(
              () => import('../features/help/help-index.page'),
              (m) => m.HelpIndexPage,
            ),
          },
          {
            path: ':slug',
            lazy: page(
              () => import('../features/help/help-article.page'),
              (m) => m.HelpArticlePage,
            ),
          },
        ],
      },
      {
        element: <RequireSignedIn />,
        children: [
          {
            element: <CenteredLayout />,
            children: [
              {
                path: '/choose',
                lazy: page(
                  () => import('../features/shell/choose-context.page'),
                  (m) => m.ChooseContextPage,
                ),
              },
            ],
          },
          {
            path: '/console',
            element: (
              <RequireContext kind="staff">
                <ConsoleLayout />
              </RequireContext>
            ),
            children: [
              {
                index: true,
                lazy: page(
                  () => import('../features/home/console-home.page'),
                  (m) => m.ConsoleHomePage,
                ),
              },
              {
                path: 'customers',
                lazy: page(
                  () => import('../features/customers/customers-list.page'),
                  (m) => m.CustomersListPage,
                ),
              },
              {
                path: 'customers/:id',
                lazy: page(
                  () => import('../features/customers/customer-detail.page'),
                  (m) => m.CustomerDetailPage,
                ),
              },
              {
                path: 'customers/new',
                lazy: page(
                  () => import('../features/customers/new-customer.page'),
                  (m) => m.NewCustomerPage,
                  AR_WRITE_ROLES,
                ),
              },
              {
                path: 'customers/:id/edit',
                lazy: page(
                  () => import('../features/customers/edit-customer.page'),
                  (m) => m.EditCustomerPage,
                  AR_WRITE_ROLES,
                ),
              },
              {
                path: 'invoices',
                lazy: page(
                  () => import('../features/console-invoices/console-invoices.page'),
                  (m) => m.ConsoleInvoicesPage,
                ),
              },
              {
                path: 'invoices/:id',
                lazy: page(
                  () => import('../features/console-invoices/console-invoice.page'),
                  (m) => m.ConsoleInvoicePage,
                ),
              },
              {
                path: 'invoices/new',
                lazy: page(
                  () => import('../features/console-invoices/new-invoice.page'),
                  (m) => m.NewInvoicePage,
                  AR_WRITE_ROLES,
                ),
              },
              {
                path: 'payments',
                lazy: page(
                  () => import('../features/payments/payments-list.page'),
                  (m) => m.PaymentsListPage,
                ),
              },
              {
                path: 'payments/new',
                lazy: page(
                  () => import('../features/payments/record-payment.page'),
                  (m) => m.RecordPaymentPage,
                  AR_WRITE_ROLES,
                ),
              },
              {
                path: 'payments/take',
                lazy: page(
                  () => import('../features/take-payment/take-payment.page'),
                  (m) => m.TakePaymentPage,
                  AR_WRITE_ROLES,
                ),
              },
              {
                path: 'payments/:id',
                lazy: page(
                  () => import('../features/payments/payment-detail.page'),
                  (m) => m.PaymentDetailPage,
                ),
              },
              {
                path: 'credits',
                lazy: page(
                  () => import('../features/credits/credits-list.page'),
                  (m) => m.CreditsListPage,
                ),
              },
              {
                path: 'credits/new',
                lazy: page(
                  () => import('../features/credits/new-credit.page'),
                  (m) => m.NewCreditPage,
                  AR_WRITE_ROLES,
                ),
              },
              {
                path: 'credits/:id',
                lazy: page(
                  () => import('../features/credits/credit-detail.page'),
                  (m) => m.CreditDetailPage,
                ),
              },
              {
                path: 'outbox',
                lazy: page(
                  () => import('../features/outbox/outbox-list.page'),
                  (m) => m.OutboxListPage,
                  OUTBOX_ROLES,
                ),
              },
              {
                path: 'outbox/:id',
                lazy: page(
                  () => import('../features/outbox/outbox-message.page'),
                  (m) => m.OutboxMessagePage,
                  OUTBOX_ROLES,
                ),
              },
              {
                path: 'team',
                lazy: page(
                  () => import('../features/team/console-team.page'),
                  (m) => m.ConsoleTeamPage,
                ),
              },
              {
                path: 'settings/mail-templates',
                lazy: page(
                  () => import('../features/mail-templates/mail-templates-list.page'),
                  (m) => m.MailTemplatesListPage,
                ),
              },
              {
                path: 'settings/mail-templates/:key/:locale',
                lazy: page(
                  () => import('../features/mail-templates/mail-template-editor.page'),
                  (m) => m.MailTemplateEditorPage,
                ),
              },
              {
                path: 'settings/delivery',
                lazy: page(
                  () => import('../features/delivery/delivery-settings.page'),
                  (m) => m.DeliverySettingsPage,
                ),
              },
              {
                path: 'settings/reminders',
                lazy: page(
                  () => import('../features/dunning/reminders-settings.page'),
                  (m) => m.RemindersSettingsPage,
                ),
              },
              {
                path: 'settings/statements',
                lazy: page(
                  () => import('../features/statements/statement-settings.page'),
                  (m) => m.StatementSettingsPage,
                ),
              },
              {
                path: 'settings/documents',
                lazy: page(
                  () => import('../features/settings/documents-settings.page'),
                  (m) => m.DocumentSettingsPage,
                  DOCUMENT_SETTINGS_ROLES,
                ),
              },
              {
                path: 'settings/payments',
                lazy: page(
                  () => import('../features/settings/payment-settings.page'),
                  (m) => m.PaymentSettingsPage,
                  PAYMENT_SETTINGS_ROLES,
                ),
              },
              {
                path: 'settings/erp-sync',
                lazy: page(
                  () => import('../features/erp-sync/erp-sync.page'),
                  (m) => m.ErpSyncPage,
                ),
              },
              {
                path: 'settings/webhooks',
                lazy: page(
                  () => import('../features/webhooks/webhooks.page'),
                  (m) => m.WebhooksPage,
                ),
              },
              {
                path: 'deposits',
                lazy: page(
                  () => import('../features/deposits/deposits-list.page'),
                  (m) => m.DepositsListPage,
                ),
              },
              {
                path: 'deposits/:id',
                lazy: page(
                  () => import('../features/deposits/deposit-detail.page'),
                  (m) => m.DepositDetailPage,
                ),
              },
              {
                path: 'imports',
                lazy: page(
                  () => import('../features/imports/imports-list.page'),
                  (m) => m.ImportsListPage,
                ),
              },
              {
                path: 'imports/new',
                lazy: page(
                  () => import('../features/imports/new-import.page'),
                  (m) => m.NewImportPage,
                  AR_WRITE_ROLES,
                ),
              },
              {
                path: 'inquiries',
                lazy: page(
                  () => import('../features/inquiries/inquiries-queue.page'),
                  (m) => m.InquiriesQueuePage,
                ),
              },
              {
                path: 'imports/reviews',
                lazy: page(
                  () => import('../features/imports/import-reviews.page'),
                  (m) => m.ImportReviewsPage,
                ),
              },
              {
                path: 'imports/:id',
                lazy: page(
                  () => import('../features/imports/import-detail.page'),
                  (m) => m.ImportDetailPage,
                ),
              },
              {
                path: 'reports/aging',
                lazy: page(
                  () => import('../features/reports/aging-report.page'),
                  (m) => m.AgingReportPage,
                ),
              },
              {
                path: 'print',
                lazy: page(
                  () => import('../features/delivery/print-batch.page'),
                  (m) => m.PrintBatchPage,
                ),
              },
              { path: '*', element: <NotFoundContent /> },
            ],
          },
          {
            path: '/portal',
            element: (
              <RequireContext kind="customer">
                <PortalLayout />
              </RequireContext>
            ),
            children: [
              {
                index: true,
                lazy: page(
                  () => import('../features/portal-dashboard/portal-dashboard.page'),
                  (m) => m.PortalDashboardPage,
                ),
              },
              {
                path: 'invoices',
                lazy: page(
                  () => import('../features/portal-documents/portal-invoices.page'),
                  (m) => m.PortalInvoicesPage,
                ),
              },
              {
                path: 'invoices/:id',
                lazy: page(
                  () => import('../features/portal-documents/portal-invoice.page'),
                  (m) => m.PortalInvoicePage,
                ),
              },
              {
                path: 'credits',
                lazy: page(
                  () => import('../features/portal-documents/portal-credits.page'),
                  (m) => m.PortalCreditsPage,
                ),
              },
              {
                path: 'payments',
                lazy: page(
                  () => import('../features/portal-documents/portal-payments.page'),
                  (m) => m.PortalPaymentsPage,
                ),
              },
              {
                path: 'pay',
                lazy: page(
                  () => import('../features/portal-pay/portal-pay.page'),
                  (m) => m.PortalPayPage,
                ),
              },
              {
                path: 'payments/:id',
                lazy: page(
                  () => import('../features/portal-pay/payment-result.page'),
                  (m) => m.PortalPaymentPage,
                ),
              },
              {
                path: 'payment-methods',
                lazy: page(
                  () => import('../features/portal-pay/payment-methods.page'),
                  (m) => m.PaymentMethodsPage,
                ),
              },
              {
                path: 'autopay',
                lazy: page(
                  () => import('../features/autopay/autopay.page'),
                  (m) => m.AutopayPage,
                ),
              },
              {
                path: 'delivery',
                lazy: page(
                  () => import('../features/delivery/portal-delivery.page'),
                  (m) => m.PortalDeliveryPage,
                ),
              },
              {
                path: 'users',
                lazy: page(
                  () => import('../features/team/portal-users.page'),
                  (m) => m.PortalUsersPage,
                  ['account_admin'],
                ),
              },
              { path: '*', element: <NotFoundContent /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

import { createBrowserRouter } from 'react-router';
import { AcceptInvitationPage } from '../features/auth/accept-invitation.page';
import { ForgotPasswordPage } from '../features/auth/forgot-password.page';
import { ResetPasswordPage } from '../features/auth/reset-password.page';
import { SignInPage } from '../features/auth/sign-in.page';
import { ConsoleInvoicePage } from '../features/console-invoices/console-invoice.page';
import { ConsoleInvoicesPage } from '../features/console-invoices/console-invoices.page';
import { CreditDetailPage } from '../features/credits/credit-detail.page';
import { CreditsListPage } from '../features/credits/credits-list.page';
import { NewCreditPage } from '../features/credits/new-credit.page';
import { CustomerDetailPage } from '../features/customers/customer-detail.page';
import { CustomersListPage } from '../features/customers/customers-list.page';
import { ConsoleHomePage } from '../features/home/console-home.page';
import { AR_WRITE_ROLES } from '../features/invoices/ar.types';
import { OutboxListPage } from '../features/outbox/outbox-list.page';
import { OutboxMessagePage } from '../features/outbox/outbox-message.page';
import { PaymentDetailPage } from '../features/payments/payment-detail.page';
import { PaymentsListPage } from '../features/payments/payments-list.page';
import { RecordPaymentPage } from '../features/payments/record-payment.page';
import { PortalDashboardPage } from '../features/portal-dashboard/portal-dashboard.page';
import { PortalCreditsPage } from '../features/portal-documents/portal-credits.page';
import { PortalInvoicePage } from '../features/portal-documents/portal-invoice.page';
import { PortalInvoicesPage } from '../features/portal-documents/portal-invoices.page';
import { PortalPaymentsPage } from '../features/portal-documents/portal-payments.page';
import { AgingReportPage } from '../features/reports/aging-report.page';
import { DocumentSettingsPage } from '../features/settings/documents-settings.page';
import { CenteredLayout } from '../features/shell/centered-layout';
import { ChooseContextPage } from '../features/shell/choose-context.page';
import { ConsoleLayout, DOCUMENT_SETTINGS_ROLES, OUTBOX_ROLES } from '../features/shell/console-layout';
import { NotFoundContent, NotFoundPage } from '../features/shell/not-found';
import { PortalLayout } from '../features/shell/portal-layout';
import { RouteError } from '../features/shell/route-error';
import { ConsoleTeamPage } from '../features/team/console-team.page';
import { PortalUsersPage } from '../features/team/portal-users.page';
import { RequireContext, RequireRole, RequireSignedIn, RootRedirect } from './guards';

/**
 * Every address of the app. The server answers each of them (and any other path outside
 * /api) with index.html, so deep links and reloads work.
 */
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <RootRedirect /> },
      {
        element: <CenteredLayout />,
        children: [
          { path: '/sign-in', element: <SignInPage /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
          { path: '/reset-password/:token', element: <ResetPasswordPage /> },
          { path: '/invitations/:token', element: <AcceptInvitationPage /> },
        ],
      },
      {
        element: <RequireSignedIn />,
        children: [
          {
            element: <CenteredLayout />,
            children: [{ path: '/choose', element: <ChooseContextPage /> }],
          },
          {
            path: '/console',
            element: (
              <RequireContext kind="staff">
                <ConsoleLayout />
              </RequireContext>
            ),
            children: [
              { index: true, element: <ConsoleHomePage /> },
              { path: 'customers', element: <CustomersListPage /> },
              { path: 'customers/:id', element: <CustomerDetailPage /> },
              { path: 'invoices', element: <ConsoleInvoicesPage /> },
              { path: 'invoices/:id', element: <ConsoleInvoicePage /> },
              { path: 'payments', element: <PaymentsListPage /> },
              {
                path: 'payments/new',
                element: (
                  <RequireRole roles={AR_WRITE_ROLES}>
                    <RecordPaymentPage />
                  </RequireRole>
                ),
              },
              { path: 'payments/:id', element: <PaymentDetailPage /> },
              { path: 'credits', element: <CreditsListPage /> },
              {
                path: 'credits/new',
                element: (
                  <RequireRole roles={AR_WRITE_ROLES}>
                    <NewCreditPage />
                  </RequireRole>
                ),
              },
              { path: 'credits/:id', element: <CreditDetailPage /> },
              {
                path: 'outbox',
                element: (
                  <RequireRole roles={OUTBOX_ROLES}>
                    <OutboxListPage />
                  </RequireRole>
                ),
              },
              {
                path: 'outbox/:id',
                element: (
                  <RequireRole roles={OUTBOX_ROLES}>
                    <OutboxMessagePage />
                  </RequireRole>
                ),
              },
              { path: 'team', element: <ConsoleTeamPage /> },
              {
                path: 'settings/documents',
                element: (
                  <RequireRole roles={DOCUMENT_SETTINGS_ROLES}>
                    <DocumentSettingsPage />
                  </RequireRole>
                ),
              },
              { path: 'reports/aging', element: <AgingReportPage /> },
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
              { index: true, element: <PortalDashboardPage /> },
              { path: 'invoices', element: <PortalInvoicesPage /> },
              { path: 'invoices/:id', element: <PortalInvoicePage /> },
              { path: 'credits', element: <PortalCreditsPage /> },
              { path: 'payments', element: <PortalPaymentsPage /> },
              {
                path: 'users',
                element: (
                  <RequireRole roles={['account_admin']}>
                    <PortalUsersPage />
                  </RequireRole>
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

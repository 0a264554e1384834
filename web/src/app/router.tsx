import { createBrowserRouter } from 'react-router';
import { AcceptInvitationPage } from '../features/auth/accept-invitation.page';
import { ForgotPasswordPage } from '../features/auth/forgot-password.page';
import { ResetPasswordPage } from '../features/auth/reset-password.page';
import { SignInPage } from '../features/auth/sign-in.page';
import { ConsoleHomePage } from '../features/home/console-home.page';
import { PortalHomePage } from '../features/home/portal-home.page';
import { OutboxListPage } from '../features/outbox/outbox-list.page';
import { OutboxMessagePage } from '../features/outbox/outbox-message.page';
import { CenteredLayout } from '../features/shell/centered-layout';
import { ChooseContextPage } from '../features/shell/choose-context.page';
import { ConsoleLayout, OUTBOX_ROLES } from '../features/shell/console-layout';
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
              { index: true, element: <PortalHomePage /> },
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

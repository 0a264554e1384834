import { Box, Center } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { NoAccess } from '../features/shell/no-access';
import { FullPageLoader } from '../shared/ui/loaders';
import { ProblemAlert } from '../shared/ui/problem-alert';
import { type CustomerRole, homePathFor, type StaffRole } from './api/types';
import { signInPathFor } from './navigation';
import { SessionContext, sessionEndedByUser, useMe, useSession } from './session';

function SessionError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Center mih="100vh" px="md">
      <Box maw={480} w="100%">
        <ProblemAlert error={error} onRetry={onRetry} />
      </Box>
    </Center>
  );
}

/** `/`: sign in, or go to the console, the portal or the chooser, depending on the session. */
export function RootRedirect() {
  const { data: me, error, refetch } = useMe();
  if (me === undefined)
    return error ? <SessionError error={error} onRetry={() => void refetch()} /> : <FullPageLoader />;
  if (me === null) return <Navigate to="/sign-in" replace />;
  return <Navigate to={homePathFor(me.context)} replace />;
}

/** Routes for signed-in users; others go to sign in and come back here afterwards. */
export function RequireSignedIn() {
  const { data: me, error, refetch } = useMe();
  const location = useLocation();
  if (me === undefined)
    return error ? <SessionError error={error} onRetry={() => void refetch()} /> : <FullPageLoader />;
  // After an expired session, come back here once signed in again; after signing out, start afresh.
  if (me === null)
    return <Navigate to={sessionEndedByUser() ? '/sign-in' : signInPathFor(location)} replace />;
  return (
    <SessionContext value={me}>
      <Outlet />
    </SessionContext>
  );
}

/** The console needs a staff context and the portal a customer one; anything else goes where it belongs. */
export function RequireContext({ kind, children }: { kind: 'staff' | 'customer'; children: ReactNode }) {
  const { context } = useSession();
  if (context?.kind !== kind) return <Navigate to={homePathFor(context)} replace />;
  return children;
}

/** A page only some roles open; the others see why, inside the frame. */
export function RequireRole({
  roles,
  children,
}: {
  roles: readonly (StaffRole | CustomerRole)[];
  children: ReactNode;
}) {
  const { context } = useSession();
  if (!context || !roles.includes(context.role)) return <NoAccess home={homePathFor(context)} />;
  return children;
}

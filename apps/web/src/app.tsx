import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LoadingState } from './components/loading-state.component';
import { router } from './router';
import { sessionStore } from './session/session.store';
import { useSessionState } from './session/use-session.hook';
import { cssVariablesResolver } from './theme';
import { useLocalizedTheme } from './use-localized-theme.hook';

const queryClient = new QueryClient({
  defaultOptions: {
    // A 4xx will not change by asking again; the auth middleware already refreshed once on a 401.
    queries: { retry: (count, error) => count < 2 && !('status' in error && Number(error.status) < 500) },
  },
});

function Routes() {
  const status = useSessionState().status;
  useEffect(
    () =>
      sessionStore.subscribe(() => {
        const state = sessionStore.get();
        // Another person may sign in next on this computer: nothing cached may outlive the session.
        if (state.status === 'signed-out') queryClient.clear();
        void router.invalidate();
      }),
    [],
  );
  // Guards read the session, so routing waits for the cookie refresh that restores it.
  if (status === 'restoring') return <LoadingState />;
  return <RouterProvider router={router} />;
}

export function App() {
  const theme = useLocalizedTheme();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <Notifications />
        <Routes />
      </QueryClientProvider>
    </MantineProvider>
  );
}

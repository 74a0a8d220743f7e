import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { setUnauthenticatedHandler } from './api/client';
import { ApiError } from './api/problem';
import { keys } from './api/keys';
import { createAppRouter } from './routes/router';
import { theme } from './ui/theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: true,
      // a 4xx will not get better by asking again
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
    // a save sent while offline fails at once with the network's reason (and keeps its draft and
    // idempotency key for a retry), instead of waiting silently to go out when the network returns
    mutations: { networkMode: 'always' },
  },
});

const router = createAppRouter(queryClient);

// The session ended under us: forget who we were; the shell then sends us to sign-in.
setUnauthenticatedHandler(() => queryClient.setQueryData(keys.me, null));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" zIndex={1000} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

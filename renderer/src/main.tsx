import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { PopoverErrorBoundary } from './components/PopoverErrorBoundary';
import { accountKeyOf } from './api/accountKey';
import { persistQueryCache, restoreQueryCache } from './api/persistCache';
import { call } from './api/bridge';
import { createQueryClient } from './api/queryClient';
import { queryKeys } from './api/queryKeys';
import './styles/app.css';
import './styles/settings.css';
import './styles/prompts.css';

async function start() {
  const client = createQueryClient();
  // Hydrate before the first render, so the last-known entries show at once, not after a spinner.
  // The session is asked for at the same time rather than after the first render: the first
  // render is then the signed-in popover itself, one bridge round trip sooner.
  const session = call('session.get', {}).then(
    (value) => value,
    () => null,
  );
  // Only the signed-in account's own snapshot is shown: the core keeps one per account and server.
  await restoreQueryCache(client, session.then(accountKeyOf));
  const known = await session;
  // A failed ask is left to the session query, which retries and words the failure.
  if (known) client.setQueryData(queryKeys.session, known);
  const persistence = persistQueryCache(client);
  window.addEventListener('pagehide', persistence.flush);

  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <PopoverErrorBoundary>
        <QueryClientProvider client={client}>
          <App />
        </QueryClientProvider>
      </PopoverErrorBoundary>
    </StrictMode>,
  );
}

void start();

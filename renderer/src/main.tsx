import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { persistQueryCache, restoreQueryCache } from './api/persistCache';
import { createQueryClient } from './api/queryClient';
import './styles/app.css';
import './styles/settings.css';
import './styles/prompts.css';

async function start() {
  const client = createQueryClient();
  // Hydrate before the first render, so the last-known entries show at once, not after a spinner.
  await restoreQueryCache(client);
  const persistence = persistQueryCache(client);
  window.addEventListener('pagehide', persistence.flush);

  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();

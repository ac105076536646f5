// Renders popover parts the way the app does: a fresh query client, the fake bridge installed.
import '@testing-library/jest-dom/vitest';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { cleanup, configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { createQueryClient } from '../api/queryClient';
import { usePendingDeleteStore } from '../stores/pendingDeleteStore';
import { useUiStore } from '../stores/uiStore';
import { installFakeHarvestTray, type FakeHarvestTray } from './fakeHarvestTray';

// The machines running these share two cores with other test runs: a first render can take more
// than the default second to settle. Waiting longer costs nothing when it is quick.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  useUiStore.getState().reset();
  usePendingDeleteStore.getState().undo();
});

export function renderWithBridge(ui: ReactElement, fake: FakeHarvestTray): { client: QueryClient } & ReturnType<typeof render> {
  installFakeHarvestTray(fake);
  const client = createQueryClient();
  client.setDefaultOptions({ ...client.getDefaultOptions(), queries: { ...client.getDefaultOptions().queries, retry: false } });
  const result = render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
  return { client, ...result };
}

// Keeps the entries on screen following Harvest: each popover show (desktop), and the page coming
// back into view or focus (the web host, where a tab is the popover), revalidates them.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onEvent } from '../api/bridge';
import { revalidateShownEntries } from '../api/viewFreshness';

export function useViewFreshness(): void {
  const client = useQueryClient();
  useEffect(() => {
    const revalidate = () => void revalidateShownEntries(client);
    const onVisibility = () => {
      if (document.visibilityState === 'visible') revalidate();
    };
    const stopListening = onEvent('ui.shown', revalidate);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', revalidate);
    return () => {
      stopListening();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', revalidate);
    };
  }, [client]);
}

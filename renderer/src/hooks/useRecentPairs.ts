import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { allCachedEntries } from '../api/entryCache';

export type RecentPair = { projectId: number; taskId: number };

/** The project+task pairs the user logged most recently, most recent first, each once. */
export function useRecentPairs(limit = 8): RecentPair[] {
  const client = useQueryClient();
  return useMemo(() => {
    const seen = new Set<string>();
    const pairs: RecentPair[] = [];
    for (const entry of allCachedEntries(client)) {
      const key = `${entry.project.id}:${entry.task.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push({ projectId: entry.project.id, taskId: entry.task.id });
      if (pairs.length >= limit) break;
    }
    return pairs;
  }, [client, limit]);
}

import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TimeEntry } from '../../../shared/domain';
import { allCachedEntries } from '../api/entryCache';

/** What someone worked on: a project, a task and the notes they wrote, as one thing to resume. */
export type RecentTriple = {
  key: string;
  project: TimeEntry['project'];
  client: TimeEntry['client'];
  task: TimeEntry['task'];
  notes: string | null;
  billable: boolean;
};

export function tripleKey(entry: Pick<TimeEntry, 'project' | 'task' | 'notes'>): string {
  return `${entry.project.id}:${entry.task.id}:${(entry.notes ?? '').trim()}`;
}

/** The project/task/notes triples in the cache, most recently touched first, each once. */
export function recentTriples(entries: TimeEntry[], limit: number): RecentTriple[] {
  const seen = new Set<string>();
  const triples: RecentTriple[] = [];
  for (const entry of entries) {
    const key = tripleKey(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    const notes = entry.notes?.trim() ? entry.notes.trim() : null;
    triples.push({ key, project: entry.project, client: entry.client, task: entry.task, notes, billable: entry.billable });
    if (triples.length >= limit) break;
  }
  return triples;
}

/** `version` is whatever changes when the cached entries do (the shown week's list will do). */
export function useRecentTriples(version: unknown, limit = 40): RecentTriple[] {
  const client = useQueryClient();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the cache's content.
  return useMemo(() => recentTriples(allCachedEntries(client), limit), [client, limit, version]);
}

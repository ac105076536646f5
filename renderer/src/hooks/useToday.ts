import { useMemo } from 'react';
import type { LocalDate } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { useClockStore } from '../stores/clockStore';
import { useUiStore } from '../stores/uiStore';

/** The user's local date; re-renders only when the date itself changes (at midnight). */
export function useToday(): LocalDate {
  return useClockStore((state) => toLocalDate(state.now));
}

/** The day the day view shows: the chosen one, or today. */
export function useDayShown(): LocalDate {
  const today = useToday();
  const chosen = useUiStore((state) => state.dayShown);
  return useMemo(() => chosen ?? today, [chosen, today]);
}

// One clock for the whole popover: a single interval ticks every second so running timers and
// totals advance together, computed from the entries' own fields, with no refetching.
import { create } from 'zustand';

type ClockState = { now: Date; tick: () => void };

export const useClockStore = create<ClockState>()((set) => ({
  now: new Date(),
  tick: () => set({ now: new Date() }),
}));

/** Starts the one ticking interval; returns a function that stops it. */
export function startClock(intervalMs = 1_000): () => void {
  useClockStore.getState().tick();
  const id = setInterval(() => useClockStore.getState().tick(), intervalMs);
  return () => clearInterval(id);
}

export function useNow(): Date {
  return useClockStore((state) => state.now);
}

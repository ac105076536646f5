// UI state only: which view, which day, which form is open, what the user was just told.
// Server data lives in react-query, never here.
import { create } from 'zustand';
import type { LocalDate, TimeEntry } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { useClockStore } from './clockStore';

export type View = 'day' | 'entry-form' | 'review' | 'settings';

/** What the user typed, kept so a refused save can reopen the form exactly as it was. */
export type EntryFormValues = {
  projectId: number | null;
  taskId: number | null;
  notes: string;
  hours: string;
  startTime: string;
  endTime: string;
  date: LocalDate;
};

export type EntryForm = (
  | { mode: 'new'; date: LocalDate | null }
  | { mode: 'edit'; entry: TimeEntry }
) & { values?: EntryFormValues; error?: string };

export type UiState = {
  view: View;
  /** null follows today, so the day view moves on at midnight on its own. */
  dayShown: LocalDate | null;
  form: EntryForm | null;
  /** The latest refusal worth telling the user about (rolled-back changes). */
  alert: string | null;
  showDay: (date: LocalDate | null) => void;
  showView: (view: View) => void;
  openNewEntry: (date: LocalDate | null) => void;
  openEditEntry: (entry: TimeEntry) => void;
  closeForm: () => void;
  /** Reopens a form whose save Harvest refused, with what was typed and why it was refused. */
  reopenForm: (form: EntryForm) => void;
  setAlert: (message: string | null) => void;
  reset: () => void;
};

const initial = { view: 'day' as View, dayShown: null, form: null, alert: null };

export const useUiStore = create<UiState>()((set) => ({
  ...initial,
  // A day chosen as today keeps following today, so the view moves on at midnight.
  showDay: (date) => set({ dayShown: date === toLocalDate(useClockStore.getState().now) ? null : date, view: 'day' }),
  showView: (view) => set({ view, form: view === 'entry-form' ? { mode: 'new', date: null } : null }),
  openNewEntry: (date) => set({ view: 'entry-form', form: { mode: 'new', date } }),
  openEditEntry: (entry) => set({ view: 'entry-form', form: { mode: 'edit', entry } }),
  closeForm: () => set({ view: 'day', form: null }),
  reopenForm: (form) => set({ view: 'entry-form', form, alert: null }),
  setAlert: (alert) => set({ alert }),
  reset: () => set(initial),
}));

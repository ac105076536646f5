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

/** A span of the day to fill, in minutes after midnight (from the review's gaps). */
export type SpanToFill = { start: number; end: number };

export type EntryForm = (
  | { mode: 'new'; date: LocalDate | null; span?: SpanToFill }
  | { mode: 'edit'; entry: TimeEntry }
) & { values?: EntryFormValues; error?: string };

export type FocusTarget = number | 'new' | null;

export type UiState = {
  view: View;
  /** null follows today, so the day view moves on at midnight on its own. */
  dayShown: LocalDate | null;
  form: EntryForm | null;
  /** The latest refusal worth telling the user about (rolled-back changes). */
  alert: string | null;
  /**
   * The entry row to give focus once it is on screen (after a save, a start, a restart); 'new'
   * while a new entry waits for Harvest's id.
   */
  focusEntryId: FocusTarget;
  /** The keyboard shortcuts overlay is open. */
  shortcutsOpen: boolean;
  showDay: (date: LocalDate | null) => void;
  /** Moves to another day without leaving the current view (the review's week strip). */
  pickDay: (date: LocalDate | null) => void;
  showView: (view: View) => void;
  openNewEntry: (date: LocalDate | null, span?: SpanToFill) => void;
  openEditEntry: (entry: TimeEntry) => void;
  closeForm: () => void;
  /** Reopens a form whose save Harvest refused, with what was typed and why it was refused. */
  reopenForm: (form: EntryForm) => void;
  setAlert: (message: string | null) => void;
  focusEntry: (target: FocusTarget) => void;
  setShortcutsOpen: (open: boolean) => void;
  reset: () => void;
};

const initial = { view: 'day' as View, dayShown: null, form: null, alert: null, focusEntryId: null as FocusTarget, shortcutsOpen: false };

/** A day chosen as today is stored as null, which follows today past midnight. */
function followToday(date: LocalDate | null): LocalDate | null {
  return date === toLocalDate(useClockStore.getState().now) ? null : date;
}

export const useUiStore = create<UiState>()((set) => ({
  ...initial,
  // A day chosen as today keeps following today, so the view moves on at midnight.
  showDay: (date) => set({ dayShown: followToday(date), view: 'day' }),
  pickDay: (date) => set({ dayShown: followToday(date) }),
  showView: (view) => set({ view, form: view === 'entry-form' ? { mode: 'new', date: null } : null }),
  openNewEntry: (date, span) => set({ view: 'entry-form', form: { mode: 'new', date, ...(span ? { span } : {}) } }),
  openEditEntry: (entry) => set({ view: 'entry-form', form: { mode: 'edit', entry } }),
  closeForm: () => set({ view: 'day', form: null }),
  reopenForm: (form) => set({ view: 'entry-form', form, alert: null }),
  setAlert: (alert) => set({ alert }),
  focusEntry: (focusEntryId) => set({ focusEntryId }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  reset: () => set(initial),
}));

// A deleted entry stays hidden for a few seconds with an Undo before the delete is sent. The
// delete goes out when the time runs out, when another entry is deleted, or when the popover
// hides, so closing the popover never leaves a delete unsent (or a deleted entry resurrected).
import { create } from 'zustand';
import type { TimeEntry } from '../../../shared/domain';

export const UNDO_WINDOW_MS = 5_000;

type PendingDeleteState = {
  pending: TimeEntry | null;
  /** Hides the entry now and arms the timer; the sender decides what "send" means. */
  schedule: (entry: TimeEntry) => void;
  undo: () => void;
  /** Sends the pending delete now, if any. */
  flush: () => void;
};

let send: (entry: TimeEntry) => void = () => undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Wires the store to the delete mutation (set once by the app, and by tests). */
export function setDeleteSender(sender: (entry: TimeEntry) => void): void {
  send = sender;
}

export const usePendingDeleteStore = create<PendingDeleteState>()((set, get) => ({
  pending: null,
  schedule: (entry) => {
    get().flush();
    set({ pending: entry });
    timer = setTimeout(() => get().flush(), UNDO_WINDOW_MS);
  },
  undo: () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    set({ pending: null });
  },
  flush: () => {
    const entry = get().pending;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!entry) return;
    set({ pending: null });
    send(entry);
  },
}));

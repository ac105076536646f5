// A short word about something that went right (the idle time was discarded…), shown in a status
// element for a few seconds. Refusals go to the alert instead.
import { create } from 'zustand';

type NoticeState = {
  notice: string | null;
  /** The idle question put off until the popover is next shown (its key), or none. */
  idleDeferred: string | null;
  setNotice: (notice: string | null) => void;
  deferIdle: (key: string | null) => void;
};

export const useNoticeStore = create<NoticeState>()((set) => ({
  notice: null,
  idleDeferred: null,
  setNotice: (notice) => set({ notice }),
  deferIdle: (idleDeferred) => set({ idleDeferred }),
}));

import { useEffect } from 'react';
import { useNoticeStore } from '../stores/noticeStore';

const SHOWN_MS = 6_000;

/** Always present, so a screen reader announces what is put in it. (A live region rather than a
 * status role: the sync state is the popover's one status element.) */
export function Notice() {
  const notice = useNoticeStore((state) => state.notice);
  const setNotice = useNoticeStore((state) => state.setNotice);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, setNotice]);
  return (
    <div aria-live="polite" className={notice ? 'notice is-visible' : 'notice'}>
      {notice}
    </div>
  );
}

// What the app reset on its own (a file it could not read and set aside), said once in words and
// kept until the user dismisses it.
import { useQueryClient } from '@tanstack/react-query';
import type { Notice } from '../../../shared/domain';
import { call } from '../api/bridge';
import { queryKeys } from '../api/queryKeys';
import { useNotices } from '../hooks/queries';

export function ResetNotices() {
  const client = useQueryClient();
  const notices = useNotices();
  const dismiss = (id: string) => {
    client.setQueryData<Notice[]>(queryKeys.notices, (current) => current?.filter((notice) => notice.id !== id));
    // A dismissal that does not arrive only means the notice shows again next time.
    call('notices.dismiss', { id }).catch(() => undefined);
  };
  if (!notices.data?.length) return null;
  return (
    <>
      {notices.data.map((notice) => (
        <div key={notice.id} className="banner is-warning reset-notice">
          <p role="alert">{notice.message}</p>
          <button type="button" className="link-button" aria-label="Dismiss notice" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </>
  );
}

// Things the app did on its own that the user must hear about once, in words: an unreadable file
// set aside and started afresh. Kept until dismissed, so a popover opened later still shows them;
// every open popover hears of each change.
import type { EventSink } from '../../../shared/contract';
import type { Notice } from '../../../shared/domain';

export class NoticeBoard {
  private readonly notices: Notice[] = [];
  private nextId = 1;

  constructor(private readonly emit: EventSink) {}

  add(message: string): void {
    this.notices.push({ id: `notice-${this.nextId++}`, message });
    this.emit('notices.changed', this.list());
  }

  list(): Notice[] {
    return this.notices.map((notice) => ({ ...notice }));
  }

  dismiss(id: string): void {
    const index = this.notices.findIndex((notice) => notice.id === id);
    if (index === -1) return;
    this.notices.splice(index, 1);
    this.emit('notices.changed', this.list());
  }
}

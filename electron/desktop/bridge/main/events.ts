// The core's EventSink on the desktop: every event goes to the popover on the one event channel.
import type { EventSink } from '../../../../shared/contract';
import { EVENT_CHANNEL, type EventMessage } from '../names';

export interface EventTarget {
  send(channel: string, message: EventMessage): void;
  isDestroyed(): boolean;
}

/** `target` is asked each time, so events sent before the popover exists are simply dropped. */
export function popoverEventSink(target: () => EventTarget | null): EventSink {
  return (event, payload) => {
    const contents = target();
    if (!contents || contents.isDestroyed()) return;
    contents.send(EVENT_CHANNEL, { event, payload });
  };
}

// Registers one ipcMain.handle per contract channel, by looping over the contract: no channel has
// hand-written code here. Each call is checked for its sender before dispatch parses and runs it.
// Registered before the popover's page loads, with the core still starting: a call that arrives
// then waits for the core instead of meeting Electron's "No handler registered" refusal.
import { channelNames, type Handlers, type Reply } from '../../../../shared/contract';
import { dispatch } from '../../../core/app/dispatch';
import { CHANNEL_PREFIX } from '../names';

/** What identifies a frame across IPC (Electron's WebFrameMain). */
export interface FrameLike {
  url: string;
  processId?: number;
  routingId?: number;
}

export interface InvokeEventLike {
  senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  /** The core's handlers, or the promise of them while the core starts. */
  handlers: Handlers | Promise<Handlers>;
  /** The popover's main frame right now (null while there is no popover). */
  popoverFrame: () => FrameLike | null;
  isAppPage: (url: string) => boolean;
}

const forbidden: Reply<never> = {
  ok: false,
  error: { kind: 'forbidden', message: "This request did not come from Harvest Tray's own window." },
};

const notStarted: Reply<never> = {
  ok: false,
  error: { kind: 'unexpected', message: 'Harvest Tray could not start. Quit it and open it again.' },
};

/** Registers every channel; returns a function that removes them again. */
export function registerIpc({ ipcMain, handlers, popoverFrame, isAppPage }: IpcOptions): () => void {
  const isTrusted = (event: InvokeEventLike) => {
    const sender = event.senderFrame;
    const popover = popoverFrame();
    return sender !== null && popover !== null && sameFrame(sender, popover) && isAppPage(sender.url);
  };
  for (const channel of channelNames) {
    ipcMain.handle(CHANNEL_PREFIX + channel, async (event, input) => {
      if (!isTrusted(event)) return forbidden;
      const ready = await Promise.resolve(handlers).catch(() => null);
      return ready === null ? notStarted : dispatch(ready, channel, input);
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(CHANNEL_PREFIX + channel);
  };
}

// Electron hands out one WebFrameMain per frame, so identity usually decides; the ids cover a
// wrapper created anew for the same frame.
function sameFrame(a: FrameLike, b: FrameLike): boolean {
  if (a === b) return true;
  return a.processId !== undefined && a.routingId !== undefined && a.processId === b.processId && a.routingId === b.routingId;
}

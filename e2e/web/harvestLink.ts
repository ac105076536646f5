// The way to Harvest, as a spec can cut it: a plain TCP forwarder in front of the simulator. Cut,
// it stops listening and tears down what is open, so the app meets what it meets when Harvest or
// the network is gone (connection refused), while the simulator, Harvest itself, keeps its data.
// Restored, it listens again on the same port, so a host started before the cut finds it again.
// It can also hold Harvest's reply to one request: Harvest has carried it out, and the answer is
// still on its way when the app dies.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Simulator } from '../../electron/simulator';

export interface HarvestLink {
  /** What the app is given as HARVEST_ID_URL and HARVEST_API_URL. */
  url: string;
  apiUrl: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  /**
   * The next request whose head matches `request` (e.g. /^POST \/v2\/time_entries /m) goes to
   * Harvest and its reply, with anything after it on that connection, is held back for good.
   * Resolves once that request has been passed on.
   */
  holdReplyTo(request: RegExp): Promise<void>;
  close(): Promise<void>;
}

export async function linkTo(sim: Simulator): Promise<HarvestLink> {
  const target = new URL(sim.url);
  const open = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  let hold: { request: RegExp; passed: () => void } | null = null;

  async function listen(): Promise<void> {
    const listening = createServer((incoming) => {
      const outgoing = connect(Number(target.port), target.hostname);
      for (const socket of [incoming, outgoing]) {
        open.add(socket);
        socket.once('close', () => open.delete(socket));
      }
      let holding = false;
      incoming.on('data', (chunk: Buffer) => {
        if (hold !== null && hold.request.test(chunk.toString('latin1'))) {
          holding = true;
          hold.passed();
          hold = null;
        }
        outgoing.write(chunk);
      });
      outgoing.on('data', (chunk: Buffer) => {
        if (!holding) incoming.write(chunk);
      });
      incoming.once('end', () => outgoing.end());
      outgoing.once('end', () => {
        if (!holding) incoming.end();
      });
      incoming.once('error', () => outgoing.destroy());
      outgoing.once('error', () => incoming.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => resolve());
    });
    port = (listening.address() as AddressInfo).port;
    server = listening;
  }

  async function cut(): Promise<void> {
    const closing = server;
    server = null;
    for (const socket of open) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  }

  await listen();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    apiUrl: `${url}/v2`,
    cut,
    restore: async () => {
      if (server === null) await listen();
    },
    holdReplyTo: (request) =>
      new Promise<void>((passed) => {
        hold = { request, passed };
      }),
    close: cut,
  };
}

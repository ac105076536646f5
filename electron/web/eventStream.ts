// Server-sent events: every event the core emits goes to every open page as `{event, payload}`.
// SSE rather than WebSockets: one direction is all the contract needs, and EventSource reconnects
// by itself and carries the session cookie like any same-origin request.
import type { ServerResponse } from 'node:http';
import type { EventSink } from '../../shared/contract';

export interface EventStream {
  emit: EventSink;
  /** Takes over a response and keeps it open until the page goes away or the stream closes. */
  attach(response: ServerResponse): void;
  clientCount(): number;
  close(): void;
}

export interface EventStreamOptions {
  /** Comments sent on idle connections so proxies and sleeping laptops notice dead ones. */
  keepAliveMs?: number;
}

export function createEventStream(options: EventStreamOptions = {}): EventStream {
  const clients = new Set<ServerResponse>();
  const keepAlive = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, options.keepAliveMs ?? 15_000);
  // The timer must not keep a finished process alive.
  keepAlive.unref();

  return {
    emit(event, payload) {
      const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
      for (const client of clients) client.write(frame);
    },
    attach(response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
      });
      // Reconnect quickly after a host restart; the first comment flushes the headers.
      response.write('retry: 2000\n: connected\n\n');
      clients.add(response);
      response.on('close', () => clients.delete(response));
    },
    clientCount: () => clients.size,
    close() {
      clearInterval(keepAlive);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}

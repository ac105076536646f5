// Plain node:http requests for tests that need headers fetch() will not send as given (Host,
// Origin, Cookie) and for reading a server-sent event stream frame by frame.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface SimpleResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<SimpleResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface EventReader {
  status: number;
  headers: IncomingHttpHeaders;
  /** Resolves with the next `data:` frame's text. */
  next(): Promise<string>;
  close(): void;
}

export function openEvents(url: string, headers: Record<string, string>): Promise<EventReader> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const frames: string[] = [];
      const waiting: Array<(frame: string) => void> = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        buffer += text;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice('data: '.length))
            .join('\n');
          if (!data) continue;
          const taker = waiting.shift();
          if (taker) taker(data);
          else frames.push(data);
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        next: () => {
          const frame = frames.shift();
          return frame !== undefined ? Promise.resolve(frame) : new Promise((take) => waiting.push(take));
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The header a page opened from the printed URL sends: the key from the URL's fragment. */
export function keyHeaderFor(printedUrl: string): Record<string, string> {
  return { 'X-Harvest-Tray-Key': new URLSearchParams(new URL(printedUrl).hash.slice(1)).get('key') ?? '' };
}

// A handler map for testing the bridges without the real core: every channel answers with what a
// test sets (default: the request echoed back) and records the requests it received.
import { channelNames, type Channel, type Handlers } from '../../../shared/contract';

export interface FakeHandlers {
  handlers: Handlers;
  calls: Array<{ channel: Channel; request: unknown }>;
  answer(channel: Channel, reply: (request: unknown) => Promise<unknown>): void;
}

export function createFakeHandlers(): FakeHandlers {
  const calls: FakeHandlers['calls'] = [];
  const answers = new Map<Channel, (request: unknown) => Promise<unknown>>();
  const map: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const channel of channelNames) {
    map[channel] = async (request) => {
      calls.push({ channel, request });
      const answer = answers.get(channel);
      return answer ? answer(request) : request;
    };
  }
  return {
    // Replies are not checked against the response schemas here: the bridge passes them through.
    handlers: map as unknown as Handlers,
    calls,
    answer: (channel, reply) => void answers.set(channel, reply),
  };
}

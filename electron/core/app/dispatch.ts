// The one place a request from a window or page meets a handler. Electron IPC and the web host's
// HTTP bridge both call this, so parsing, error wording and token hygiene live here once.
import * as z from 'zod';
import { channels, isChannel, type Channel, type Handlers, type Reply } from '../../../shared/contract';
import { AppFailure, type AppError } from '../../../shared/errors';

export async function dispatch(
  handlers: Handlers,
  channelName: string,
  input: unknown,
): Promise<Reply<unknown>> {
  if (!isChannel(channelName)) {
    return failure({ kind: 'validation', message: `Unknown request "${channelName.slice(0, 60)}".` });
  }
  const parsed = channels[channelName].request.safeParse(input ?? {});
  if (!parsed.success) return failure(validationError(parsed.error));
  try {
    const value = await callHandler(handlers, channelName, parsed.data);
    return { ok: true, value };
  } catch (error) {
    return failure(toAppError(error));
  }
}

// The handler map is keyed by channel; TypeScript cannot correlate the key with the parsed input
// through a union, so the call goes through one narrow cast here instead of at every call site.
function callHandler(handlers: Handlers, channel: Channel, request: unknown): Promise<unknown> {
  const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
  return handler(request);
}

function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') ?? '';
  return {
    kind: 'validation',
    message: issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'The request was not valid.',
    ...(field ? { field } : {}),
  };
}

/** Anything thrown becomes words a person can read; stacks and unknown details stay in main. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.toValue();
  return { kind: 'unexpected', message: 'Something went wrong inside Harvest Tray. Please try again.' };
}

function failure(error: AppError): Reply<never> {
  return { ok: false, error };
}

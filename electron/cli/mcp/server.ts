// `harvest-tray mcp`: the Model Context Protocol over standard input/output, with the official
// SDK. The fourteen tools are the seed operations themselves (names, descriptions, parameters and
// their zod schemas), each taking an optional named `account`; a result's text is the JSON the
// command line prints with --json, a refusal an isError result with Harvest's message. The token
// never reaches a result: failures are worded by the same code as the command line's.
import type { Readable, Writable } from 'node:stream';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toLocalDate } from '../../../shared/localDate';
import { accountNameSchema } from '../../core/accounts/accountRegistry';
import packageJson from '../../../package.json';
import { openAccountSession, type CliContext } from '../accountSession';
import { seedOperations } from '../operations/catalog';
import type { AccountSession, Operation } from '../operations/operation';
import { describeFailure } from '../output/failure';
import { toJsonText } from '../output/jsonText';

export interface McpOptions {
  context: CliContext;
  /** --account given to `harvest-tray mcp`: the account of calls that name none. */
  defaultAccount: string | null;
  stdin: Readable;
  stdout: Writable;
}

const accountParam = accountNameSchema
  .optional()
  .describe('A named account (see `harvest-tray accounts list`), such as "work" or "personal". Default: the server\'s account.');

export function createMcpServer(options: Omit<McpOptions, 'stdin' | 'stdout'>): { server: McpServer; closeSessions(): Promise<void> } {
  const server = new McpServer({ name: 'harvest-tray', version: packageJson.version });
  // One session per account for the life of the server, so the core's memory of entries (locks,
  // what runs) carries from one call to the next, as in the tray, and the account's queue sends
  // what it keeps while the server runs. Opened once even when the first calls come together.
  const sessions = new Map<string, Promise<AccountSession>>();
  function sessionFor(account: string | null): Promise<AccountSession> {
    const key = account ?? '';
    const known = sessions.get(key);
    if (known) return known;
    const opening = openAccountSession(options.context, account);
    sessions.set(key, opening);
    opening.catch(() => sessions.delete(key));
    return opening;
  }

  for (const operation of seedOperations) {
    server.registerTool(
      operation.name,
      { description: operation.description, inputSchema: operation.schema.extend({ account: accountParam }) },
      async (args): Promise<CallToolResult> => callTool(operation, args, options.context, sessionFor, options.defaultAccount),
    );
  }
  const closeSessions = async () => {
    const open = await Promise.allSettled(sessions.values());
    await Promise.allSettled(open.map((session) => (session.status === 'fulfilled' ? session.value.close() : undefined)));
  };
  return { server, closeSessions };
}

async function callTool(
  operation: Operation,
  args: Record<string, unknown>,
  context: CliContext,
  sessionFor: (account: string | null) => Promise<AccountSession>,
  defaultAccount: string | null,
): Promise<CallToolResult> {
  const { account, ...params } = args;
  try {
    const now = context.now();
    operation.check(params, toLocalDate(now), now);
    const session = await sessionFor(typeof account === 'string' ? account : defaultAccount);
    const result = await operation.run(session, params);
    return { content: [{ type: 'text', text: toJsonText(result) }] };
  } catch (error) {
    const failure = describeFailure(error);
    const text = failure.field === undefined ? failure.message : `${failure.field}: ${failure.message}`;
    return { content: [{ type: 'text', text }], isError: true };
  }
}

/** Serves until the client closes standard input. */
export async function serveMcp(options: McpOptions): Promise<void> {
  const { server, closeSessions } = createMcpServer(options);
  const transport = new StdioServerTransport(options.stdin, options.stdout);
  const closed = new Promise<void>((resolve) => {
    options.stdin.once('end', resolve);
    options.stdin.once('close', resolve);
  });
  await server.connect(transport);
  await closed;
  await server.close();
  // The change on its way finishes; whatever still waits stays on disk for the next host.
  await closeSessions();
}

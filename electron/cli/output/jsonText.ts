// Harvest's JSON as the command line prints it with --json and the MCP tools return it.
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

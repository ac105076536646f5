// A snapshot of the popover's query cache that the core accepts (it checks every snapshot against
// the contract before handing it back), told apart from others by a tag.
export function querySnapshot(tag: string): string {
  return JSON.stringify({ savedAt: 1, tag, state: { queries: [], mutations: [] } });
}

import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { collectAllPages, pageSchema } from './paginate';
import { listPage } from './testing/wireSamples';

const base = 'https://api.harvestapp.com/v2/users?per_page=2';

describe('collectAllPages', () => {
  it('follows links.next through cursor pages whose page and next_page are null', async () => {
    const pages = new Map<string, unknown>([
      [base, { ...listPage('users', [1, 2], 'https://api.harvestapp.com/v2/users?cursor=a&ref=next_cursor', 1), next_page: null }],
      ['https://api.harvestapp.com/v2/users?cursor=a&ref=next_cursor', listPage('users', [3, 4], 'https://api.harvestapp.com/v2/users?cursor=b&ref=next_cursor', null)],
      ['https://api.harvestapp.com/v2/users?cursor=b&ref=next_cursor', listPage('users', [5], null, 3)],
    ]);
    const schema = pageSchema('users', z.number());
    const requested: string[] = [];
    const items = await collectAllPages(new URL(base), async (url) => {
      requested.push(url.href);
      const page = schema.parse(pages.get(url.href));
      return { items: page.users, next: page.links.next ?? null };
    });
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(requested).toHaveLength(3);
  });

  it('reads a single page when links.next is null', async () => {
    const items = await collectAllPages(new URL(base), async () => ({ items: ['only'], next: null }));
    expect(items).toEqual(['only']);
  });

  it('does not send the token to another server', async () => {
    await expect(
      collectAllPages(new URL(base), async () => ({ items: [1], next: 'https://elsewhere.example/v2/users?cursor=x' })),
    ).rejects.toMatchObject({ kind: 'unexpected' });
  });

  it('stops when Harvest points back to a page already read', async () => {
    let calls = 0;
    await expect(
      collectAllPages(new URL(base), async () => {
        calls += 1;
        return { items: [calls], next: base };
      }),
    ).rejects.toMatchObject({ kind: 'unexpected' });
    expect(calls).toBe(1);
  });
});

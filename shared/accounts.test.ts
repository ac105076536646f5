import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountNameSchema, suggestAccountName } from './accounts';

describe('suggestAccountName', () => {
  it('makes a name from Harvest’s name of the account', () => {
    expect(suggestAccountName('Northwind Studio', [])).toBe('northwind-studio');
    expect(suggestAccountName('Café Zoë & Co.', [])).toBe('cafe-zoe-co');
    expect(suggestAccountName('株式会社', [])).toBe('account');
  });

  it('never gives a name already taken', () => {
    expect(suggestAccountName('Northwind Studio', ['northwind-studio'])).toBe('northwind-studio-2');
    expect(suggestAccountName('Northwind Studio', ['northwind-studio', 'northwind-studio-2'])).toBe('northwind-studio-3');
  });

  it('always gives a valid name, new to the list, whatever the account is called', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.array(fc.string({ maxLength: 45 }), { maxLength: 5 }), (name, taken) => {
        const first = suggestAccountName(name, taken);
        const suggested = suggestAccountName(name, [...taken, first]);
        expect(accountNameSchema.safeParse(first).success).toBe(true);
        expect(accountNameSchema.safeParse(suggested).success).toBe(true);
        expect(taken).not.toContain(first);
        expect(suggested).not.toBe(first);
      }),
    );
  });
});

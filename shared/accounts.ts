// Named accounts ("work", "personal") as both processes see them: the one grammar of a name, and
// the list the popover's switcher and settings show. The same names are what `--account NAME`
// takes on the command line (electron/core/accounts/).
import * as z from 'zod';
import { idSchema } from './domain';

export const ACCOUNT_NAME_MAX = 40;

export const accountNameSchema = z
  .string()
  .regex(
    new RegExp(`^[a-z0-9][a-z0-9_-]{0,${ACCOUNT_NAME_MAX - 1}}$`),
    `Use lower-case letters, digits, - and _ (up to ${ACCOUNT_NAME_MAX}), such as work or personal`,
  );

/** One account the tray can act in. */
export const accountEntrySchema = z.object({
  /** The user's name for it; null for the account given in HARVEST_ACCESS_TOKEN. */
  name: accountNameSchema.nullable(),
  accountId: idSchema,
  /** Harvest's own name of the account ("Northwind Studio"). */
  accountName: z.string(),
  /** The Harvest API it is reached at: another server than Harvest's is worth showing. */
  server: z.string(),
  current: z.boolean(),
});
export type AccountEntry = z.infer<typeof accountEntrySchema>;

export const accountListSchema = z.object({
  accounts: z.array(accountEntrySchema),
  /** What could not be read from the list on disk, in words. */
  problems: z.array(z.string()),
});
export type AccountList = z.infer<typeof accountListSchema>;

/**
 * A name to start from, made from Harvest's name of the account ("Northwind Studio" ->
 * "northwind-studio"), different from every name in `taken`.
 */
export function suggestAccountName(accountName: string, taken: readonly string[]): string {
  const base =
    accountName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, ACCOUNT_NAME_MAX)
      .replace(/-+$/, '') || 'account';
  if (!taken.includes(base)) return base;
  for (let number = 2; ; number += 1) {
    const suffix = `-${number}`;
    const candidate = `${base.slice(0, ACCOUNT_NAME_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

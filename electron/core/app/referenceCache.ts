// Reference data (who I am, the account's settings, my projects) kept per account and Harvest
// server (./accountScope.ts) in the host's
// store with the time it was fetched. The store is a file on disk, so every read is checked
// against its schema; anything that does not fit is treated as never cached.
import * as z from 'zod';
import {
  accountSchema,
  companySettingsSchema,
  currentUserSchema,
  projectChoiceSchema,
} from '../../../shared/domain';
import type { JsonStore } from '../ports';
import { scopeKey, type AccountScope } from './accountScope';

export const referenceSchemas = {
  account: accountSchema,
  me: currentUserSchema,
  company: companySettingsSchema,
  projects: z.array(projectChoiceSchema),
} as const;

export type ReferenceKind = keyof typeof referenceSchemas;
export type ReferenceValue<K extends ReferenceKind> = z.output<(typeof referenceSchemas)[K]>;
export interface Cached<T> {
  value: T;
  fetchedAt: number;
}

const REFERENCE_KINDS = Object.keys(referenceSchemas) as ReferenceKind[];

// No dots in keys: electron-store reads a dotted key as a path into nested objects.
function keyFor(scope: AccountScope, kind: ReferenceKind): string {
  return `cache-${scopeKey(scope)}-${kind}`;
}

export class ReferenceCache {
  constructor(
    private readonly store: JsonStore,
    private readonly now: () => Date,
  ) {}

  read<K extends ReferenceKind>(scope: AccountScope, kind: K): Cached<ReferenceValue<K>> | null {
    const schema = z.object({ value: referenceSchemas[kind], fetchedAt: z.number().nonnegative() });
    const parsed = schema.safeParse(this.store.get(keyFor(scope, kind)));
    return parsed.success ? (parsed.data as Cached<ReferenceValue<K>>) : null;
  }

  write<K extends ReferenceKind>(scope: AccountScope, kind: K, value: ReferenceValue<K>): void {
    this.store.set(keyFor(scope, kind), { value, fetchedAt: this.now().getTime() });
  }

  wipe(scope: AccountScope): void {
    for (const kind of REFERENCE_KINDS) this.store.delete(keyFor(scope, kind));
  }
}

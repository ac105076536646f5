import { describe, expect, it } from 'vitest';
import { sampleCompany, sampleProjectAssignment, sampleTimeEntry, sampleUser } from './testing/wireSamples';
import {
  wireAccountsReplySchema,
  wireClientSchema,
  wireCompanySchema,
  wireProjectAssignmentSchema,
  wireProjectSchema,
  wireTaskSchema,
  wireTimeEntrySchema,
  wireUserSchema,
} from './wire';

describe('wire schemas', () => {
  it("read Harvest's documented examples", () => {
    expect(wireTimeEntrySchema.safeParse(sampleTimeEntry()).success).toBe(true);
    expect(wireUserSchema.safeParse(sampleUser()).success).toBe(true);
    expect(wireCompanySchema.safeParse(sampleCompany()).success).toBe(true);
    expect(wireProjectAssignmentSchema.safeParse(sampleProjectAssignment()).success).toBe(true);
  });

  it('accept null where Harvest really sends it: a running entry, no notes, a lock reason', () => {
    const running = sampleTimeEntry({ notes: null, timer_started_at: '2026-11-21T09:00:00Z', is_running: true, invoice: null });
    expect(wireTimeEntrySchema.safeParse(running).success).toBe(true);
    const timestamped = sampleTimeEntry({ started_time: '8:00am', ended_time: null });
    expect(wireTimeEntrySchema.parse(timestamped).started_time).toBe('8:00am');
  });

  it('refuse null where Harvest never sends it', () => {
    for (const field of ['id', 'hours', 'hours_without_timer', 'is_running', 'spent_date', 'project', 'task', 'created_at']) {
      expect(wireTimeEntrySchema.safeParse(sampleTimeEntry({ [field]: null })).success, field).toBe(false);
    }
  });

  it('keep ids up to the largest safe integer and refuse what would lose digits', () => {
    expect(wireTimeEntrySchema.safeParse(sampleTimeEntry({ id: 2 ** 40 })).success).toBe(true);
    expect(wireTimeEntrySchema.safeParse(sampleTimeEntry({ id: 2 ** 53 + 2 })).success).toBe(false);
  });

  it('read a time entry whose project has no code field', () => {
    const entry = wireTimeEntrySchema.parse(sampleTimeEntry({ project: { id: 1, name: 'Website' } }));
    expect(entry.project.code ?? null).toBeNull();
  });

  it('read nested task assignments, which carry no project', () => {
    const [taskAssignment] = wireProjectAssignmentSchema.parse(sampleProjectAssignment()).task_assignments;
    expect(taskAssignment).toBeDefined();
    expect(taskAssignment).not.toHaveProperty('project');
  });

  it('refuse a company setting outside what the app understands', () => {
    expect(wireCompanySchema.safeParse(sampleCompany({ time_format: 'sexagesimal' })).success).toBe(false);
  });

  // The client hands on the reply it checked, not the schema's output (see http.ts): that is only
  // sound while the schemas check without changing anything.
  it('only check: what they read back is what Harvest sent, with nothing changed or added', () => {
    const stamps = { created_at: '2026-11-21T08:00:00Z', updated_at: '2026-11-21T08:00:00Z' };
    const samples: Array<[{ parse(value: unknown): unknown }, Record<string, unknown>]> = [
      [wireTimeEntrySchema, sampleTimeEntry({ project: { id: 1, name: 'Website' }, timer_started_at: '2026-11-21T09:00:00Z' })],
      [wireUserSchema, sampleUser()],
      [wireCompanySchema, sampleCompany()],
      [wireProjectAssignmentSchema, sampleProjectAssignment()],
      [wireProjectSchema, { id: 1, name: 'Website', code: null, client: { id: 2, name: 'ABC' }, is_active: true, is_billable: true, ...stamps }],
      [wireClientSchema, { id: 2, name: 'ABC', is_active: true, currency: 'EUR', ...stamps }],
      [wireTaskSchema, { id: 3, name: 'Design', billable_by_default: true, is_active: true, ...stamps }],
      [wireAccountsReplySchema, { user: { id: 1, first_name: 'Kim', last_name: 'Allen', email: 'k@example.com' }, accounts: [{ id: 1, name: 'A', product: 'harvest' }] }],
    ];
    for (const [schema, sample] of samples) expect(sample).toMatchObject(schema.parse(sample) as Record<string, unknown>);
  });
});

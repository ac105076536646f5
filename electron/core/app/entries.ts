// Listing and writing time entries the way the account records time: durations, or start and
// end times (company.wantsTimestampTimers).
import type { ParsedRequestOf } from '../../../shared/contract';
import type { CompanySettings, LocalDate, TimeEntry } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import type { CreateTimeEntry, UpdateTimeEntry } from '../harvest/HarvestClient';
import type { WireTimeEntry } from '../harvest/wire';
import {
  announceChange,
  entryForChange,
  startingTimer,
  today,
  watchingRunning,
  type AccountContext,
} from './accountContext';
import { rangeForHours, rangeFromStart } from './clockRange';
import { compareNewestFirst } from './entryLedger';
import { toTimeEntry } from './mapping';

type CreateRequest = ParsedRequestOf<'entries.create'>;
type Patch = ParsedRequestOf<'entries.update'>['patch'];

export class EntryService {
  constructor(private readonly context: AccountContext) {}

  async list(range: { from: LocalDate; to: LocalDate }): Promise<TimeEntry[]> {
    if (range.from > range.to) {
      throw new AppFailure({ kind: 'validation', field: 'from', message: 'The first day comes after the last.' });
    }
    const { context } = this;
    const me = await context.reference.me();
    // user_id always: without it an administrator would see everyone's entries.
    return watchingRunning(context, async () => {
      const entries = (
        await context.call((client) => client.listTimeEntries({ userId: me.id, from: range.from, to: range.to }))
      ).map(toTimeEntry);
      for (const entry of entries) context.ledger.remember(entry);
      return entries.sort(compareNewestFirst);
    });
  }

  async create(request: CreateRequest): Promise<TimeEntry> {
    return toTimeEntry(await this.createWire(request));
  }

  // Each write also exists answering with Harvest's own JSON of the entry: the command line's
  // --json and the MCP tools print that, and they must take the very steps the popover takes.
  // Every write takes its turn in the account's lane (context.writes).
  createWire(request: CreateRequest): Promise<WireTimeEntry> {
    return this.context.writes.run(() => this.createInTurn(request));
  }

  /**
   * createWire() for a change already taking its turn in the account's lane (quick restart
   * starting a copy of an earlier day's entry): queuing again would wait for itself.
   */
  async createInTurn(request: CreateRequest): Promise<WireTimeEntry> {
    const { context } = this;
    const company = await context.reference.company();
    const body = this.createBody(request, company);
    const startsTimer = body.mode === 'duration' ? body.hours === undefined : body.endedTime === undefined;
    if (!startsTimer) {
      const wire = await context.call((client) => client.createTimeEntry(body));
      context.ledger.remember(toTimeEntry(wire));
      announceChange(context, [wire.spent_date]);
      return wire;
    }
    const { wire, changedDates } = await startingTimer(context, () =>
      context.call((client) => client.createTimeEntry(body)),
    );
    announceChange(context, [wire.spent_date, ...changedDates]);
    return wire;
  }

  async update(request: ParsedRequestOf<'entries.update'>): Promise<TimeEntry> {
    return toTimeEntry(await this.updateWire(request));
  }

  updateWire(request: ParsedRequestOf<'entries.update'>): Promise<WireTimeEntry> {
    return this.context.writes.run(() => this.updateInTurn(request));
  }

  private async updateInTurn(request: ParsedRequestOf<'entries.update'>): Promise<WireTimeEntry> {
    const { context } = this;
    const before = await entryForChange(context, request.id);
    const company = await context.reference.company();
    const patch = this.updateBody(request.patch, before, company);
    const wire = await context.call((client) => client.updateTimeEntry(request.id, patch));
    context.ledger.remember(toTimeEntry(wire));
    announceChange(context, [before.spentDate, wire.spent_date]);
    return wire;
  }

  delete(request: { id: number }): Promise<{ id: number }> {
    return this.context.writes.run(() => this.deleteInTurn(request));
  }

  private async deleteInTurn(request: { id: number }): Promise<{ id: number }> {
    const { context } = this;
    const before = await entryForChange(context, request.id);
    await context.call((client) => client.deleteTimeEntry(request.id));
    context.ledger.forget(request.id);
    announceChange(context, [before.spentDate]);
    return { id: request.id };
  }

  private createBody(request: CreateRequest, company: CompanySettings): CreateTimeEntry {
    const isToday = request.spentDate === today(this.context);
    const common = {
      projectId: request.projectId,
      taskId: request.taskId,
      spentDate: request.spentDate,
      ...(request.notes === undefined ? {} : { notes: request.notes }),
    };
    if (!company.wantsTimestampTimers) {
      if (request.hours === undefined && !isToday) throw hoursNeeded();
      return { mode: 'duration', ...common, ...(request.hours === undefined ? {} : { hours: request.hours }) };
    }
    if (request.startedTime !== undefined || request.endedTime !== undefined) {
      if (request.endedTime === undefined && !isToday) throw hoursNeeded();
      return { mode: 'timestamp', ...common, startedTime: request.startedTime, endedTime: request.endedTime };
    }
    if (request.hours === undefined) {
      if (!isToday) throw hoursNeeded();
      return { mode: 'timestamp', ...common };
    }
    // The account stores ranges; typed hours become a range of that length.
    const range = rangeForHours({ hours: request.hours, isToday, now: this.context.now(), clock: company.clock });
    return { mode: 'timestamp', ...common, ...range };
  }

  private updateBody(patch: Patch, before: TimeEntry, company: CompanySettings): UpdateTimeEntry {
    const body: UpdateTimeEntry = {
      ...(patch.projectId === undefined ? {} : { projectId: patch.projectId }),
      ...(patch.taskId === undefined ? {} : { taskId: patch.taskId }),
      ...(patch.spentDate === undefined ? {} : { spentDate: patch.spentDate }),
      ...(patch.notes === undefined ? {} : { notes: patch.notes }),
    };
    if (!company.wantsTimestampTimers) {
      if (patch.hours !== undefined) body.hours = patch.hours;
      return body;
    }
    if (patch.startedTime !== undefined || patch.endedTime !== undefined) {
      if (patch.startedTime !== undefined) body.startedTime = patch.startedTime;
      if (patch.endedTime !== undefined) body.endedTime = patch.endedTime;
      return body;
    }
    if (patch.hours !== undefined) {
      const range =
        rangeFromStart(before.startedTime, patch.hours, company.clock) ??
        rangeForHours({
          hours: patch.hours,
          isToday: (patch.spentDate ?? before.spentDate) === today(this.context),
          now: this.context.now(),
          clock: company.clock,
        });
      Object.assign(body, range);
    }
    return body;
  }
}

function hoursNeeded(): AppFailure {
  return new AppFailure({
    kind: 'validation',
    field: 'hours',
    message: 'Enter the hours: a timer can only run today.',
  });
}

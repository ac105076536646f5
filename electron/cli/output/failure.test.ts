// Exit statuses and the words of errors, with and without --json.
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/errors';
import { ConfigError } from '../../core/config';
import { HarvestFailure } from '../../core/harvest/errors';
import { describeFailure, flagName, formatFailure, UsageError } from './failure';

describe('describeFailure', () => {
  it('input errors found before a request exit 2; Harvest’s refusals exit 1 with its status', () => {
    expect(describeFailure(new UsageError('x')).exitCode).toBe(2);
    expect(describeFailure(new ConfigError('x')).exitCode).toBe(2);
    expect(describeFailure(new AppFailure({ kind: 'validation', field: 'hours', message: 'x' }))).toMatchObject({ exitCode: 2, field: 'hours' });
    expect(describeFailure(new AppFailure({ kind: 'consent-required', message: 'x' })).exitCode).toBe(2);
    expect(describeFailure(new HarvestFailure({ kind: 'rejected', message: 'No' }, { status: 422 }))).toEqual({ exitCode: 1, message: 'No', status: 422 });
    expect(describeFailure(new AppFailure({ kind: 'offline', message: 'x' }))).toEqual({ exitCode: 1, message: 'x' });
  });

  it('says nothing of an unexpected error but that it happened, a schema’s failure included', () => {
    expect(describeFailure(z.object({ id: z.number() }).safeParse({ id: 'x' }).error).exitCode).toBe(1);
    const failure = describeFailure(new TypeError('Cannot read properties of undefined (reading pat-secret)'));
    expect(failure).toEqual({ exitCode: 1, message: 'Something went wrong inside Harvest Tray.' });
  });
});

describe('formatFailure', () => {
  it('is one JSON object with --json, status only where Harvest answered', () => {
    expect(formatFailure({ exitCode: 1, message: 'No', status: 422 }, true)).toBe('{"error":{"message":"No","status":422}}\n');
    expect(formatFailure({ exitCode: 2, message: 'Bad', field: 'per_page' }, true)).toBe('{"error":{"message":"--per-page: Bad"}}\n');
  });

  it('is one line for a person otherwise, naming the flag as it is typed', () => {
    expect(formatFailure({ exitCode: 2, message: 'Bad', field: 'id' }, false)).toBe('harvest-tray: ID: Bad\n');
    expect(flagName('spentDate')).toBe('--spent-date');
    expect(flagName('timer_started_at')).toBe('--timer-started-at');
  });
});

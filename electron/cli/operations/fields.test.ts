// A flag's text becomes a value by the app's own grammars, or an error saying what is wrong.
import { describe, expect, it } from 'vitest';
import { fieldKinds } from './fields';

const refusal = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a refusal');
};

describe('flag values', () => {
  it('ids: whole positive numbers within Harvest’s int64 ids a JavaScript number keeps exactly', () => {
    expect(fieldKinds.id.fromText('2400000012')).toBe(2_400_000_012);
    for (const text of ['abc', '12x', '-3', '1.5', '', '0', '9007199254740993']) expect(() => fieldKinds.id.fromText(text), text).toThrow();
  });

  it('booleans: exactly true or false', () => {
    expect(fieldKinds.boolean.fromText('true')).toBe(true);
    expect(fieldKinds.boolean.fromText('false')).toBe(false);
    for (const text of ['yes', 'TRUE', '1', '']) expect(refusal(() => fieldKinds.boolean.fromText(text))).toBe('Expected true or false.');
  });

  it('hours: every form the popover’s Hours field takes, up to a day', () => {
    expect(fieldKinds.hours.fromText('1.5')).toBe(1.5);
    expect(fieldKinds.hours.fromText('1:30')).toBe(1.5);
    expect(fieldKinds.hours.fromText('1h 30m')).toBe(1.5);
    expect(refusal(() => fieldKinds.hours.fromText('25'))).toContain('24 hours');
    expect(refusal(() => fieldKinds.hours.fromText('-1'))).toContain('negative');
    expect(refusal(() => fieldKinds.hours.fromText('soon'))).toContain('not a time');
  });

  it('dates and instants', () => {
    expect(fieldKinds.date.fromText('2026-03-11')).toBe('2026-03-11');
    expect(() => fieldKinds.date.fromText('11/03/2026')).toThrow();
    expect(() => fieldKinds.date.fromText('2026-13-01')).toThrow();
    expect(fieldKinds.instant.fromText('2026-03-11T09:30:00+01:00')).toBe('2026-03-11T09:30:00+01:00');
    expect(() => fieldKinds.instant.fromText('2026-03-11 09:30')).toThrow();
  });

  it('pages: from 1; page sizes up to Harvest’s 2000', () => {
    expect(fieldKinds.page.fromText('3')).toBe(3);
    expect(() => fieldKinds.page.fromText('0')).toThrow();
    expect(fieldKinds.perPage.fromText('2000')).toBe(2000);
    expect(() => fieldKinds.perPage.fromText('2001')).toThrow();
  });

  it('a time entry id for restart and stop: an integer, or the same as a string (the restart seed’s type)', () => {
    expect(fieldKinds.entryId.schema.parse(42)).toBe(42);
    expect(fieldKinds.entryId.schema.parse('42')).toBe(42);
    expect(fieldKinds.entryId.schema.safeParse('42abc').success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, addYears, parisMidnight, parisToday } from './calendar-dates.js';

describe('calendar dates', () => {
  it('adds days and years on ISO dates, clamping 29 February', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('knows the Paris calendar day and when it starts, in winter and summer time', () => {
    expect(parisToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisMidnight('2027-01-15').toISOString()).toBe('2027-01-14T23:00:00.000Z');
    expect(parisMidnight('2027-07-15').toISOString()).toBe('2027-07-14T22:00:00.000Z');
  });
});

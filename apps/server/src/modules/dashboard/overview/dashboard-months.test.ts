import { describe, expect, it } from 'vitest';
import { lastDayOf, monthsFrom } from './dashboard-months.js';

describe('dashboard months', () => {
  it('lists months across the year end', () => {
    expect(monthsFrom('2026-11-29', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
  it('finds the last day of a month, leap years included', () => {
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
  });
});

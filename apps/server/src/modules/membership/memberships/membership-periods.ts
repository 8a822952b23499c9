import { addDays, addYears, yearOf } from './calendar-dates.js';
import type { PeriodKind } from './memberships.tables.js';

export interface Period {
  start: string;
  end: string;
}

/**
 * `calendar`: from the join date to 31 December, then whole calendar years.
 * `anniversary`: a year from the join date, then a year from each anniversary (a 29 February join
 * renews on 28 February in common years).
 */
export function firstPeriod(kind: PeriodKind, startedOn: string): Period {
  return { start: startedOn, end: periodEndFrom(kind, startedOn, startedOn) };
}

/** The period after `current`, which starts the day after it ends. */
export function nextPeriod(kind: PeriodKind, startedOn: string, current: Period): Period {
  const start = addDays(current.end, 1);
  return { start, end: periodEndFrom(kind, startedOn, start) };
}

function periodEndFrom(kind: PeriodKind, startedOn: string, start: string): string {
  if (kind === 'calendar') return `${yearOf(start)}-12-31`;
  let years = yearOf(start) - yearOf(startedOn);
  // The anniversary on or before `start` opens the period; the next one closes it.
  while (addYears(startedOn, years) > start) years -= 1;
  return addDays(addYears(startedOn, years + 1), -1);
}

/** The dues year a period is invoiced under: the year it starts in. */
export function duesYearOf(period: Period): number {
  return yearOf(period.start);
}

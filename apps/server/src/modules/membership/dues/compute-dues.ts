import { monthOf, yearOf } from '../memberships/calendar-dates.js';

export interface DuesRate {
  /** INSEE headcount band code (`00`, `01`, `02`, `03`, `11` … `53`); null: any band. */
  headcountBand: string | null;
  /** Member type; null: any type. */
  typeId: string | null;
  amountCents: number;
}

export interface DuesScheduleRates {
  year: number;
  proRata: boolean;
  rates: readonly DuesRate[];
}

export interface DuesAmount {
  amountCents: number;
  /** The yearly amount before pro rata. */
  yearlyAmountCents: number;
  /** Months charged (12 without pro rata). */
  months: number;
  rate: DuesRate | null;
}

/** Most specific first: band and type, type only, band only, the default rate. */
function specificity(rate: DuesRate): number {
  return (rate.typeId ? 2 : 0) + (rate.headcountBand ? 1 : 0);
}

export function findRate(rates: readonly DuesRate[], headcountBand: string | null, typeId: string): DuesRate | null {
  const matching = rates.filter((rate) => (rate.typeId === null || rate.typeId === typeId) && (rate.headcountBand === null || rate.headcountBand === headcountBand));
  return matching.sort((a, b) => specificity(b) - specificity(a))[0] ?? null;
}

/**
 * The dues of a company of `headcountBand` and member type for the schedule's year (ADR 0020).
 * Free types pay 0. Null when no rate applies (the schedule has no default rate). With pro rata, a
 * company joining during the schedule's year pays the remaining months, the month of joining
 * included (joined 15 March → 10/12), rounded to the nearest cent; joining in January, before the
 * year or without a join date (renewal) pays the whole year.
 */
export function computeDues(
  schedule: DuesScheduleRates,
  company: { headcountBand: string | null },
  type: { id: string; free: boolean },
  joinDate: string | null = null,
): DuesAmount | null {
  if (type.free) return { amountCents: 0, yearlyAmountCents: 0, months: 12, rate: null };
  const rate = findRate(schedule.rates, company.headcountBand, type.id);
  if (!rate) return null;
  const months = schedule.proRata && joinDate && yearOf(joinDate) === schedule.year ? 13 - monthOf(joinDate) : 12;
  return { amountCents: Math.round((rate.amountCents * months) / 12), yearlyAmountCents: rate.amountCents, months, rate };
}

/** The key two rates of a schedule may not share. */
export function rateCriteriaKey(rate: Pick<DuesRate, 'headcountBand' | 'typeId'>): string {
  return `${rate.headcountBand ?? '*'}|${rate.typeId ?? '*'}`;
}

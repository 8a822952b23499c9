import { describe, expect, it } from 'vitest';
import { computeDues, findRate, type DuesScheduleRates } from './compute-dues.js';

const STANDARD = '0190a000-0000-7000-8000-000000000001';
const BENEFACTOR = '0190a000-0000-7000-8000-000000000002';
const schedule: DuesScheduleRates = {
  year: 2026,
  proRata: false,
  rates: [
    { headcountBand: null, typeId: null, amountCents: 30_000 },
    { headcountBand: '11', typeId: null, amountCents: 48_000 },
    { headcountBand: '12', typeId: null, amountCents: 72_000 },
    { headcountBand: null, typeId: BENEFACTOR, amountCents: 100_000 },
    { headcountBand: '12', typeId: BENEFACTOR, amountCents: 150_000 },
  ],
};

describe('computeDues', () => {
  it('applies the most specific rate: band and type, then type, then band, then the default', () => {
    expect(computeDues(schedule, { headcountBand: '12' }, { id: BENEFACTOR, free: false })?.amountCents).toBe(150_000);
    expect(computeDues(schedule, { headcountBand: '11' }, { id: BENEFACTOR, free: false })?.amountCents).toBe(100_000);
    expect(computeDues(schedule, { headcountBand: '11' }, { id: STANDARD, free: false })?.amountCents).toBe(48_000);
    expect(computeDues(schedule, { headcountBand: '12' }, { id: STANDARD, free: false })?.amountCents).toBe(72_000);
    expect(computeDues(schedule, { headcountBand: '03' }, { id: STANDARD, free: false })?.amountCents).toBe(30_000);
    expect(computeDues(schedule, { headcountBand: null }, { id: STANDARD, free: false })?.amountCents).toBe(30_000);
  });

  it('answers null without a matching rate, and 0 for a free type', () => {
    const bandsOnly = { ...schedule, rates: schedule.rates.filter((rate) => rate.headcountBand !== null && rate.typeId === null) };
    expect(computeDues(bandsOnly, { headcountBand: '03' }, { id: STANDARD, free: false })).toBeNull();
    expect(findRate(bandsOnly.rates, '11', STANDARD)?.amountCents).toBe(48_000);
    expect(computeDues(bandsOnly, { headcountBand: '03' }, { id: STANDARD, free: true })).toEqual({ amountCents: 0, yearlyAmountCents: 0, months: 12, rate: null });
  });

  it('pro rata: the remaining months of the year, the month of joining included', () => {
    const proRata = { ...schedule, proRata: true };
    const standard = { id: STANDARD, free: false };
    expect(computeDues(proRata, { headcountBand: '11' }, standard, '2026-03-15')).toMatchObject({ amountCents: 40_000, months: 10, yearlyAmountCents: 48_000 });
    expect(computeDues(proRata, { headcountBand: '11' }, standard, '2026-01-31')).toMatchObject({ amountCents: 48_000, months: 12 });
    expect(computeDues(proRata, { headcountBand: '11' }, standard, '2026-12-01')).toMatchObject({ amountCents: 4_000, months: 1 });
    // Rounded to the nearest cent: 7/12 of 1 000,01 €.
    expect(computeDues({ ...proRata, rates: [{ headcountBand: null, typeId: null, amountCents: 100_001 }] }, { headcountBand: null }, standard, '2026-06-10')?.amountCents).toBe(58_334);
    // Joined another year, or a renewal: the whole year.
    expect(computeDues(proRata, { headcountBand: '11' }, standard, '2025-06-10')?.amountCents).toBe(48_000);
    expect(computeDues(proRata, { headcountBand: '11' }, standard)?.amountCents).toBe(48_000);
    // Without pro rata, a join in December pays the whole year.
    expect(computeDues(schedule, { headcountBand: '11' }, standard, '2026-12-01')?.amountCents).toBe(48_000);
  });
});

import { describe, expect, it } from 'vitest';
import { DryRunBudget, DryRunBusyError } from './dry-run-budget.js';

const MB = 1024 * 1024;
/** Long enough for a waiting reservation to have been granted, had it been. */
const aMoment = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Resolves to the order in which the reservations were granted. */
function recorder() {
  const granted: string[] = [];
  const reserve = (budget: DryRunBudget, name: string, bytes: number) =>
    budget.reserve(bytes).then((release) => {
      granted.push(name);
      return release;
    });
  return { granted, reserve };
}

describe('the dry-run budget of one process', () => {
  it('checks files together while their sizes fit, and makes the next one wait for room', async () => {
    const budget = new DryRunBudget(64 * MB, 5_000);
    const { granted, reserve } = recorder();
    const first = await reserve(budget, 'a 30 MB file', 30 * MB);
    await reserve(budget, 'a 20 MB file', 20 * MB);
    const third = reserve(budget, 'another 30 MB file', 30 * MB);
    await aMoment();
    expect(granted).toEqual(['a 30 MB file', 'a 20 MB file']);
    first();
    await third;
    expect(granted).toEqual(['a 30 MB file', 'a 20 MB file', 'another 30 MB file']);
  });

  it('checks a file larger than the budget alone, and lets no smaller file overtake it', async () => {
    const budget = new DryRunBudget(64 * MB, 5_000);
    const { granted, reserve } = recorder();
    const small = await reserve(budget, 'small', 1 * MB);
    const large = reserve(budget, 'larger than the budget', 100 * MB);
    const later = reserve(budget, 'small, later', 1 * MB);
    await aMoment();
    expect(granted).toEqual(['small']);
    small();
    const releaseLarge = await large;
    await aMoment();
    expect(granted).toEqual(['small', 'larger than the budget']);
    releaseLarge();
    await later;
    expect(granted).toEqual(['small', 'larger than the budget', 'small, later']);
  });

  it('answers 503 with Retry-After to an upload that waited too long, and admits the ones behind it that fit', async () => {
    const budget = new DryRunBudget(64 * MB, 50);
    const held = await budget.reserve(40 * MB);
    const tooLarge = budget.reserve(40 * MB);
    const fitting = budget.reserve(10 * MB);
    const error = await tooLarge.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(DryRunBusyError);
    expect(error).toMatchObject({ status: 503, code: 'import_dry_run_busy', headers: { 'retry-after': '1' } });
    await expect(fitting).resolves.toBeTypeOf('function');
    held();
  });

  it('gives the room back when the work ends, even when it fails', async () => {
    const budget = new DryRunBudget(10 * MB, 50);
    await expect(budget.within(10 * MB, () => Promise.reject(new Error('unreadable file')))).rejects.toThrow('unreadable file');
    await expect(budget.within(10 * MB, () => Promise.resolve('checked'))).resolves.toBe('checked');
  });

  it('gives the room back once, however often the release is called', async () => {
    const budget = new DryRunBudget(10 * MB, 50);
    const release = await budget.reserve(6 * MB);
    const other = await budget.reserve(4 * MB);
    release();
    release();
    // Had the 6 MB come back twice, this 8 MB file would fit beside the 4 MB still checked.
    await expect(budget.reserve(8 * MB)).rejects.toBeInstanceOf(DryRunBusyError);
    other();
  });
});

import { describe, expect, it } from 'vitest';
import { firstPeriod, nextPeriod } from './membership-periods.js';
import { nextStatus, settleStatus, type MembershipState, type PaymentState } from './membership-status.js';

const UNPAID: PaymentState = { joinPaid: false, paidRenewalYears: [] };
const base: MembershipState = {
  status: 'active',
  periodKind: 'calendar',
  startedOn: '2025-03-15',
  currentPeriodStart: '2025-03-15',
  currentPeriodEnd: '2025-12-31',
  tacitRenewal: true,
  graceDays: 60,
  free: false,
};

describe('membership periods', () => {
  it('calendar: join date to 31 December, then calendar years', () => {
    const first = firstPeriod('calendar', '2025-03-15');
    expect(first).toEqual({ start: '2025-03-15', end: '2025-12-31' });
    expect(nextPeriod('calendar', '2025-03-15', first)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('anniversary: a year from the join date, and 29 February renews on 28 February', () => {
    const first = firstPeriod('anniversary', '2025-03-15');
    expect(first).toEqual({ start: '2025-03-15', end: '2026-03-14' });
    expect(nextPeriod('anniversary', '2025-03-15', first)).toEqual({ start: '2026-03-15', end: '2027-03-14' });
    const leap = firstPeriod('anniversary', '2024-02-29');
    expect(leap).toEqual({ start: '2024-02-29', end: '2025-02-27' });
    const second = nextPeriod('anniversary', '2024-02-29', leap);
    expect(second).toEqual({ start: '2025-02-28', end: '2026-02-27' });
    expect(nextPeriod('anniversary', '2024-02-29', nextPeriod('anniversary', '2024-02-29', nextPeriod('anniversary', '2024-02-29', second)))).toEqual({
      start: '2028-02-29',
      end: '2029-02-27',
    });
  });
});

describe('nextStatus', () => {
  it('pending → active when the join invoice is paid or the type is free; stays pending otherwise', () => {
    const pending = { ...base, status: 'pending' as const };
    expect(nextStatus(pending, '2025-04-01', UNPAID)).toBeNull();
    expect(nextStatus(pending, '2025-04-01', { joinPaid: true, paidRenewalYears: [] })).toMatchObject({ status: 'active', effectiveOn: '2025-04-01' });
    expect(nextStatus({ ...pending, free: true }, '2025-04-01', UNPAID)).toMatchObject({ status: 'active', reason: 'Adhésion gratuite : adhésion active.' });
  });

  it('pending → lapsed when the first period ended unpaid', () => {
    expect(nextStatus({ ...base, status: 'pending' }, '2026-01-01', UNPAID)).toMatchObject({ status: 'lapsed', effectiveOn: '2026-01-01' });
  });

  it('active stays active until the period end (inclusive)', () => {
    expect(nextStatus(base, '2025-12-31', UNPAID)).toBeNull();
  });

  it('active → grace on the next period after the end when the renewal is unpaid and renewal is tacit', () => {
    expect(nextStatus(base, '2026-01-01', UNPAID)).toEqual({
      status: 'grace',
      currentPeriodStart: '2026-01-01',
      currentPeriodEnd: '2026-12-31',
      effectiveOn: '2026-01-01',
      reason: 'Renouvellement tacite : cotisation 2026 en attente de règlement (délai de grâce).',
    });
  });

  it('active rolls to the next period, still active, when the renewal is already paid', () => {
    expect(nextStatus(base, '2026-01-02', { joinPaid: true, paidRenewalYears: [2026] })).toMatchObject({ status: 'active', currentPeriodStart: '2026-01-01', currentPeriodEnd: '2026-12-31' });
  });

  it('free types renew tacitly without invoice; without tacit renewal the membership lapses at the period end', () => {
    expect(nextStatus({ ...base, free: true }, '2026-01-01', UNPAID)).toMatchObject({ status: 'active', currentPeriodStart: '2026-01-01' });
    expect(nextStatus({ ...base, tacitRenewal: false }, '2026-01-01', UNPAID)).toMatchObject({ status: 'lapsed', currentPeriodEnd: '2025-12-31', effectiveOn: '2026-01-01' });
    expect(nextStatus({ ...base, tacitRenewal: false }, '2026-01-01', { joinPaid: true, paidRenewalYears: [2026] })).toMatchObject({ status: 'active', currentPeriodStart: '2026-01-01' });
  });

  it('grace → active when paid, → lapsed once the grace days have run (day start + graceDays)', () => {
    const grace = { ...base, status: 'grace' as const, currentPeriodStart: '2026-01-01', currentPeriodEnd: '2026-12-31' };
    expect(nextStatus(grace, '2026-03-01', UNPAID)).toBeNull(); // 59 days after 1 January
    expect(nextStatus(grace, '2026-03-02', UNPAID)).toMatchObject({ status: 'lapsed', effectiveOn: '2026-03-02' });
    expect(nextStatus(grace, '2026-02-15', { joinPaid: true, paidRenewalYears: [2026] })).toMatchObject({ status: 'active', currentPeriodStart: '2026-01-01' });
    // A payment of another year does not count.
    expect(nextStatus(grace, '2026-02-15', { joinPaid: true, paidRenewalYears: [2025] })).toBeNull();
  });

  it('lapsed and cancelled are final', () => {
    expect(nextStatus({ ...base, status: 'lapsed' }, '2030-01-01', { joinPaid: true, paidRenewalYears: [2026, 2027] })).toBeNull();
    expect(nextStatus({ ...base, status: 'cancelled' }, '2030-01-01', UNPAID)).toBeNull();
  });

  it('settleStatus catches up several steps and is a fixed point once applied', () => {
    const steps = settleStatus({ ...base, status: 'pending' }, '2026-03-10', { joinPaid: true, paidRenewalYears: [] });
    expect(steps.map((s) => s.status)).toEqual(['active', 'grace', 'lapsed']);
    expect(steps[2]).toMatchObject({ effectiveOn: '2026-03-02', currentPeriodStart: '2026-01-01' });
    const settled = { ...base, status: 'lapsed' as const, currentPeriodStart: '2026-01-01', currentPeriodEnd: '2026-12-31' };
    expect(settleStatus(settled, '2026-03-10', UNPAID)).toEqual([]);
    // Free and tacit across three years: three renewals, then nothing more.
    expect(settleStatus({ ...base, free: true }, '2028-06-01', UNPAID).map((s) => s.currentPeriodStart)).toEqual(['2026-01-01', '2027-01-01', '2028-01-01']);
  });
});

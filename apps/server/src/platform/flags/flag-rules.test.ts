import { describe, expect, it } from 'vitest';
import { matchRule, rolloutBucket, type FlagRule } from './flag-rules.js';

const REGION = 'region';
const DEPARTEMENT = 'departement';
const subject = (overrides: Partial<Parameters<typeof matchRule>[2]> = {}) => ({
  userId: 'user-1',
  entityLineage: new Set([DEPARTEMENT, REGION, 'national']),
  roles: ['manager'],
  ...overrides,
});

describe('flag targeting rules', () => {
  it('matches a rule on an ancestor entity, not on an unrelated one', () => {
    expect(matchRule('f', [{ entityIds: [REGION], variant: 'on' }], subject())).toEqual({ variant: 'on', ruleIndex: 0 });
    expect(matchRule('f', [{ entityIds: ['other-region'], variant: 'on' }], subject())).toBeNull();
    expect(matchRule('f', [{ entityIds: [REGION], variant: 'on' }], subject({ entityLineage: new Set() }))).toBeNull();
  });

  it('matches any listed role and requires every condition of a rule', () => {
    expect(matchRule('f', [{ roles: ['viewer', 'manager'], variant: 'on' }], subject())?.variant).toBe('on');
    expect(matchRule('f', [{ roles: ['branch_admin'], variant: 'on' }], subject())).toBeNull();
    expect(matchRule('f', [{ roles: ['manager'], entityIds: ['elsewhere'], variant: 'on' }], subject())).toBeNull();
  });

  it('lets the first matching rule decide', () => {
    const rules: FlagRule[] = [
      { roles: ['branch_admin'], variant: 'a' },
      { entityIds: [REGION], variant: 'b' },
      { variant: 'c' },
    ];
    expect(matchRule('f', rules, subject())).toEqual({ variant: 'b', ruleIndex: 1 });
  });

  it('buckets a user the same way every time, and independently per flag', () => {
    expect(rolloutBucket('crm.search', 'user-42')).toBe(rolloutBucket('crm.search', 'user-42'));
    const users = Array.from({ length: 2_000 }, (_, i) => `user-${i}`);
    const inA = users.filter((user) => matchRule('flag-a', [{ percentage: 25, variant: 'on' }], subject({ userId: user })));
    const inB = users.filter((user) => matchRule('flag-b', [{ percentage: 25, variant: 'on' }], subject({ userId: user })));
    // Roughly a quarter each, and not the same quarter.
    expect(inA.length).toBeGreaterThan(400);
    expect(inA.length).toBeLessThan(600);
    expect(inA.filter((user) => inB.includes(user)).length).toBeLessThan(inA.length / 2);
    // Raising the percentage keeps everyone who already had the feature.
    const inA50 = users.filter((user) => matchRule('flag-a', [{ percentage: 50, variant: 'on' }], subject({ userId: user })));
    expect(inA.every((user) => inA50.includes(user))).toBe(true);
  });

  it('serves a partial rollout only to identified users', () => {
    expect(matchRule('f', [{ percentage: 99.99, variant: 'on' }], subject({ userId: undefined }))).toBeNull();
    expect(matchRule('f', [{ percentage: 100, variant: 'on' }], subject({ userId: undefined }))?.variant).toBe('on');
    expect(matchRule('f', [{ percentage: 0, variant: 'on' }], subject())).toBeNull();
  });
});

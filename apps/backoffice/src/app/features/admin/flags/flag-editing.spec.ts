// @angular/forms ships partially compiled: the JIT facade lets it load in plain Node.
import '@angular/compiler';
import { describe, expect, it } from 'vitest';
import { ruleForm, ruleValue } from './flag-rule-form';
import { parseVariants, withRemovals } from './flag-variants';

describe('feature flag editing', () => {
  it('sends only the conditions of a rule that were filled in', () => {
    expect(ruleValue(ruleForm({ variant: 'on' }))).toEqual({ variant: 'on' });
    const rule = ruleForm({ variant: 'b', roles: ['manager'] });
    rule.controls.percentage.setValue(12.5);
    expect(ruleValue(rule)).toEqual({ roles: ['manager'], percentage: 12.5, variant: 'b' });
  });

  it('refuses a percentage outside 0–100 before the round trip', () => {
    const rule = ruleForm({ variant: 'on', percentage: 150 });
    expect(rule.controls.percentage.hasError('max')).toBe(true);
  });

  it('reads variants typed as a JSON object only', () => {
    expect(parseVariants('{ "a": "bleu", "b": 2 }')).toEqual({ a: 'bleu', b: 2 });
    expect(parseVariants('["a"]')).toBeNull();
    expect(parseVariants('{ a: 1 }')).toBeNull();
  });

  it('deletes removed variants with null, as JSON Merge Patch requires', () => {
    expect(withRemovals({ a: 1, b: 2 }, { b: 3, c: 4 })).toEqual({ a: null, b: 3, c: 4 });
  });
});

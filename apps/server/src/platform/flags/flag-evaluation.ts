import type { FlagKind } from './feature-flags.tables.js';
import { matchRule, type FlagRule, type FlagSubject, type FlagValue } from './flag-rules.js';

export interface FeatureFlag {
  key: string;
  description: string;
  kind: FlagKind;
  variants: Record<string, FlagValue>;
  defaultVariant: string;
  rules: FlagRule[];
  enabled: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** OpenFeature reasons: DISABLED (kill switch), TARGETING_MATCH (a rule), SPLIT (a percentage rule), DEFAULT. */
export type EvaluationReason = 'DISABLED' | 'TARGETING_MATCH' | 'SPLIT' | 'DEFAULT';

export interface FlagEvaluation {
  key: string;
  value: FlagValue;
  variant: string;
  reason: EvaluationReason;
}

/** A disabled flag serves its default variant to everyone; otherwise the first matching rule decides. */
export function evaluateFlag(flag: FeatureFlag, subject: FlagSubject): FlagEvaluation {
  const fallback = (reason: EvaluationReason): FlagEvaluation => ({
    key: flag.key,
    value: flag.variants[flag.defaultVariant]!,
    variant: flag.defaultVariant,
    reason,
  });
  if (!flag.enabled) return fallback('DISABLED');
  const match = matchRule(flag.key, flag.rules, subject);
  // A rule naming a variant that no longer exists is ignored rather than served as undefined.
  if (!match || !(match.variant in flag.variants)) return fallback('DEFAULT');
  const rule = flag.rules[match.ruleIndex]!;
  return { key: flag.key, value: flag.variants[match.variant]!, variant: match.variant, reason: rule.percentage !== undefined ? 'SPLIT' : 'TARGETING_MATCH' };
}

export const BOOLEAN_VARIANTS: Record<string, FlagValue> = { on: true, off: false };

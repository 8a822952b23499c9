import type { FlagKind } from './feature-flags.tables.js';
import { type FlagRule, type FlagSubject, type FlagValue } from './flag-rules.js';
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
export declare function evaluateFlag(flag: FeatureFlag, subject: FlagSubject): FlagEvaluation;
export declare const BOOLEAN_VARIANTS: Record<string, FlagValue>;

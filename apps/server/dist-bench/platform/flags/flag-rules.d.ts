export type FlagValue = boolean | string | number | {
    [key: string]: unknown;
};
/**
 * One targeting rule. Every condition present must hold; an absent condition holds for everyone.
 * `entityIds` match the caller's entity or any of its ancestors (a rule on a region covers its
 * departments); `percentage` buckets users by a stable hash of user id and flag key.
 */
export interface FlagRule {
    entityIds?: string[];
    roles?: string[];
    /** 0 to 100, two decimals. */
    percentage?: number;
    variant: string;
}
/** What the caller is: OpenFeature's targetingKey is the user id. */
export interface FlagSubject {
    userId?: string | undefined;
    /** The entity the user acts for and its ancestors (self included; ancestors no rule names may be left out). */
    entityLineage: ReadonlySet<string>;
    roles: readonly string[];
}
export interface RuleMatch {
    variant: string;
    ruleIndex: number;
}
export declare function matchRule(flagKey: string, rules: readonly FlagRule[], subject: FlagSubject): RuleMatch | null;
/**
 * 0 to 9999, stable for a user and a flag, independent across flags (the key is hashed in) so that
 * the same 10 % of users do not get every experiment.
 */
export declare function rolloutBucket(flagKey: string, userId: string): number;

export { FeatureFlags, toEvaluationContext, type FlagContext } from './feature-flags.js';
export { registerFeatureFlags } from './register-flags.js';
export { DbFlagProvider, type DbFlagProviderOptions } from './db-flag-provider.js';
export { evaluateFlag, type FeatureFlag, type FlagEvaluation } from './flag-evaluation.js';
export { rolloutBucket, type FlagRule, type FlagValue } from './flag-rules.js';

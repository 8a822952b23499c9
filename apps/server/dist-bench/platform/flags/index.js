export { FeatureFlags, toEvaluationContext } from './feature-flags.js';
export { registerFeatureFlags } from './register-flags.js';
export { DbFlagProvider } from './db-flag-provider.js';
export { evaluateFlag } from './flag-evaluation.js';
export { rolloutBucket } from './flag-rules.js';
//# sourceMappingURL=index.js.map
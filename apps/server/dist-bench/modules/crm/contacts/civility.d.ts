import { type RuleResult } from '../rule-result.js';
/** Stored as a code; the wording (M., Mme) is a display concern. `Mlle` is read as Mme (official use since 2012). */
export type Civility = 'M' | 'MME';
export declare function parseCivility(input: string): RuleResult<Civility>;

import { type RuleResult } from '../rule-result.js';
/**
 * A French amount of money → integer cents: `1 250,00`, `1250`, `375,5`, `1.250,00`, with an
 * optional `€` or `EUR`. Words (`gratuit`), negative amounts and more than two decimals are
 * refused rather than guessed.
 */
export declare function parseFrenchAmount(input: string): RuleResult<number>;

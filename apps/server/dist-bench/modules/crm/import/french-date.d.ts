import { type RuleResult } from '../rule-result.js';
/**
 * A French calendar date `dd/mm/yyyy` (day and month may have one digit, `-` or `.` may separate)
 * → ISO `yyyy-mm-dd`. Two-digit years are refused: `01/02/24` could be 1924 or 2024 for a member
 * since decades. Dates that do not exist (31/02/2024) are refused, never rolled over to March.
 */
export declare function parseFrenchDate(input: string): RuleResult<string>;

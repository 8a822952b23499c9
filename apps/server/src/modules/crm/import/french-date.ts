import { ok, violation, type RuleResult } from '../rule-result.js';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC: no daylight-saving surprises).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A French calendar date `dd/mm/yyyy` (day and month may have one digit, `-` or `.` may separate)
 * → ISO `yyyy-mm-dd`. Two-digit years are refused: `01/02/24` could be 1924 or 2024 for a member
 * since decades. Dates that do not exist (31/02/2024) are refused, never rolled over to March.
 */
export function parseFrenchDate(input: string): RuleResult<string> {
  const shown = input.trim();
  if (shown === '') return violation('date_required', 'La date est obligatoire.');
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(shown);
  if (!match) {
    return violation('date_format', `« ${shown} » n'est pas une date au format jj/mm/aaaa (par exemple 09/08/2019).`);
  }
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return violation('date_invalid', `La date « ${shown} » n'existe pas : le mois doit être compris entre 01 et 12.`);
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return violation('date_invalid', `La date « ${shown} » n'existe pas : ${MONTHS[month - 1]} ${year} compte ${lastDay} jours.`);
  }
  return ok(`${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

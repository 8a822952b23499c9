/**
 * Staff paste identifiers as printed on a Kbis or an invoice: `123 456 789`, `123.456.789`, with
 * no-break or narrow no-break spaces from Word/Excel. Only those separators are dropped; anything
 * else (letters, dashes) is reported rather than guessed away.
 */
export function stripIdentifierSeparators(input: string): string {
  return input.replace(/[\s.\u00a0\u202f]/g, '');
}

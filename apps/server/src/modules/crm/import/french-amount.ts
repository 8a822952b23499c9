import { ok, violation, type RuleResult } from '../rule-result.js';

// Thousands may be grouped with a space, a no-break space (Excel, Word) or a narrow no-break
// space (macOS, recent Excel), or a dot when the decimal separator is a comma.
const GROUPED = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;
// Some tools write a decimal point: accepted only when it cannot be a thousands separator.
const DECIMAL_POINT = /^(\d+)\.(\d{1,2})$/;

/**
 * A French amount of money → integer cents: `1 250,00`, `1250`, `375,5`, `1.250,00`, with an
 * optional `€` or `EUR`. Words (`gratuit`), negative amounts and more than two decimals are
 * refused rather than guessed.
 */
export function parseFrenchAmount(input: string): RuleResult<number> {
  const shown = input.trim();
  if (shown === '') return violation('amount_required', 'Le montant est obligatoire.');
  const bare = shown.replace(/\s*(?:€|eur|euros?)$/i, '').trim();
  if (bare.startsWith('-')) return violation('amount_negative', `Le montant « ${shown} » ne peut pas être négatif.`);
  const match = GROUPED.exec(bare) ?? DECIMAL_POINT.exec(bare);
  if (!match) {
    const hint = /\p{L}/u.test(bare.replace(/€|eur/gi, '')) ? " (un mot n'est pas accepté : écrivez 0,00 pour un montant nul)" : '';
    return violation('amount_format', `« ${shown} » n'est pas un montant en euros, par exemple 1 250,00${hint}.`);
  }
  const euros = Number(match[1]!.replace(/[ \u00a0\u202f.]/g, ''));
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  const total = euros * 100 + cents;
  if (!Number.isSafeInteger(total)) return violation('amount_format', `Le montant « ${shown} » est trop grand.`);
  return ok(total);
}

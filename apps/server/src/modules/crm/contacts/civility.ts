import { foldText } from '../text/fold-text.js';
import { ok, violation, type RuleResult } from '../rule-result.js';

/** Stored as a code; the wording (M., Mme) is a display concern. `Mlle` is read as Mme (official use since 2012). */
export type Civility = 'M' | 'MME';

const CIVILITIES: Readonly<Record<string, Civility>> = {
  m: 'M',
  mr: 'M',
  monsieur: 'M',
  mme: 'MME',
  madame: 'MME',
  mlle: 'MME',
  mademoiselle: 'MME',
};

export function parseCivility(input: string): RuleResult<Civility> {
  const shown = input.trim();
  if (shown === '') return violation('civility_required', 'La civilité est obligatoire.');
  const civility = CIVILITIES[foldText(shown)];
  return civility ? ok(civility) : violation('civility_invalid', `La civilité « ${shown} » n'est pas reconnue : indiquez M. ou Mme.`);
}

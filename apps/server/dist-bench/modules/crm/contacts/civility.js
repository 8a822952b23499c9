import { foldText } from '../text/fold-text.js';
import { ok, violation } from '../rule-result.js';
const CIVILITIES = {
    m: 'M',
    mr: 'M',
    monsieur: 'M',
    mme: 'MME',
    madame: 'MME',
    mlle: 'MME',
    mademoiselle: 'MME',
};
export function parseCivility(input) {
    const shown = input.trim();
    if (shown === '')
        return violation('civility_required', 'La civilité est obligatoire.');
    const civility = CIVILITIES[foldText(shown)];
    return civility ? ok(civility) : violation('civility_invalid', `La civilité « ${shown} » n'est pas reconnue : indiquez M. ou Mme.`);
}
//# sourceMappingURL=civility.js.map
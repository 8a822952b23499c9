/**
 * Folds French text for comparison: no accents, lower case, every run of punctuation or spaces
 * (hyphens, apostrophes, no-break spaces, brackets, symbols) collapsed to one space.
 * `Cotisation (€)` → `cotisation`; `SAINT-LÉGER` → `saint leger`; `L'Étang-Salé` → `l etang sale`.
 */
export function foldText(text) {
    return text
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        // Ligatures do not decompose under NFD.
        .replace(/œ/gi, 'oe')
        .replace(/æ/gi, 'ae')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
}
//# sourceMappingURL=fold-text.js.map
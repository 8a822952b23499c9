/**
 * Folds French text for comparison: no accents, lower case, every run of punctuation or spaces
 * (hyphens, apostrophes, no-break spaces, brackets, symbols) collapsed to one space.
 * `Cotisation (€)` → `cotisation`; `SAINT-LÉGER` → `saint leger`; `L'Étang-Salé` → `l etang sale`.
 */
export declare function foldText(text: string): string;

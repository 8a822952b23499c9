/**
 * The comparison key of a commune name: case, accents, hyphens and apostrophes ignored, `ST`/`STE`
 * read as `SAINT`/`SAINTE`, and a leading or trailing article dropped (INSEE writes `Ribay (Le)`,
 * staff write `LE RIBAY` or `Ribay`).
 */
export declare function communeNameKey(name: string): string;
/** Keys a commune answers to; the city alone for a municipal arrondissement. */
export declare function communeKeys(names: readonly string[]): Set<string>;
/** Edit distance, bounded: stops early once above `max` (names are short, lists per postal code tiny). */
export declare function boundedLevenshtein(a: string, b: string, max: number): number;

/** A commune a postal code serves, with what is needed to attach a member to the network. */
export interface Commune {
    /** INSEE (COG) code; Paris, Lyon and Marseille use their arrondissement codes (`75101`), as SIRENE does. */
    readonly inseeCode: string;
    readonly name: string;
    readonly postalCode: string;
    /** `01`…`95`, `2A`/`2B` for Corsica, `971`…`976` overseas, `977`/`978` for Saint-Barthélemy/Saint-Martin. */
    readonly departementCode: string;
    readonly regionCode: string;
}
export interface CommuneCandidate extends Commune {
    /** Other names the commune answers to: La Poste delivery labels, former (delegated/associated) communes. One candidate per commune and postal code. */
    readonly aliases: readonly string[];
}
/**
 * The Pacific collectivités (986 Wallis-et-Futuna, 987 Polynésie, 988 Nouvelle-Calédonie) and the
 * TAAF (984) keep their own business registers (no SIREN) and have no union: outside the network.
 * Saint-Pierre-et-Miquelon (975), Saint-Barthélemy (977) and Saint-Martin (978) are in SIRENE: kept.
 */
export declare function isDepartementInScope(departementCode: string): boolean;
/**
 * Postal code → communes, merged from La Poste's base (`codes-postaux`: delivery labels, arrondissements)
 * and INSEE's COG (`@etalab/decoupage-administratif`: départements, régions, merged communes, and the
 * 97133/97150 codes La Poste's file lacks). Built once, on first use (~35,000 entries).
 */
export declare function postalCodeIndex(): Map<string, CommuneCandidate[]>;

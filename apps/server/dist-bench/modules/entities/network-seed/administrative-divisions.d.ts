/** A région or département as published by INSEE through @etalab/decoupage-administratif. */
export interface AdministrativeArea {
    /** INSEE code: `84` for a région; `69`, `2A`, `971` for a département. */
    code: string;
    name: string;
    /** INSEE "type de nom en clair" (TNCC): which article and preposition the name takes. */
    typeLiaison: number;
}
export interface Departement extends AdministrativeArea {
    regionCode: string;
}
export declare function loadRegions(): AdministrativeArea[];
export declare function loadDepartements(): Departement[];

/**
 * A SIREN is 9 digits whose Luhn checksum is 0; a typo in one digit or swapped neighbours fail it.
 * (La Poste's SIRENs, the one documented exception, do not concern a network of unions.)
 */
export declare function isValidSiren(siren: string): boolean;

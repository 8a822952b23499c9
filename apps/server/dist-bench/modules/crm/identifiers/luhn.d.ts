/**
 * Luhn (mod 10) check used by INSEE for SIREN and SIRET: from the rightmost digit, every second
 * digit is doubled (minus 9 when above 9) and the total must be a multiple of 10.
 */
export declare function luhnSum(digits: string): number;
export declare function isLuhnValid(digits: string): boolean;
/** The digit that, appended to `body`, makes it Luhn-valid. */
export declare function luhnCheckDigit(body: string): number;

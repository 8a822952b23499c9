/**
 * Luhn (mod 10) check used by INSEE for SIREN and SIRET: from the rightmost digit, every second
 * digit is doubled (minus 9 when above 9) and the total must be a multiple of 10.
 */
export function luhnSum(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

export function isLuhnValid(digits: string): boolean {
  return luhnSum(digits) % 10 === 0;
}

/** The digit that, appended to `body`, makes it Luhn-valid. */
export function luhnCheckDigit(body: string): number {
  return (10 - (luhnSum(`${body}0`) % 10)) % 10;
}

/**
 * A SIREN is 9 digits whose Luhn checksum is 0; a typo in one digit or swapped neighbours fail it.
 * (La Poste's SIRENs, the one documented exception, do not concern a network of unions.)
 */
export function isValidSiren(siren) {
    if (!/^[0-9]{9}$/.test(siren))
        return false;
    let sum = 0;
    for (let index = 0; index < 9; index += 1) {
        let digit = Number(siren[8 - index]);
        if (index % 2 === 1) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
    }
    return sum % 10 === 0;
}
//# sourceMappingURL=siren.js.map
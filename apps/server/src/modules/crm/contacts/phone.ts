import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { ok, violation, type RuleResult } from '../rule-result.js';

/** A phone number in E.164 form: `+33612345678`, `+590590123456`. */
export type E164Phone = string & { readonly __brand: 'E164Phone' };

/**
 * The French numbering plan (ARCEP) gives each overseas territory national prefixes inside the
 * 10-digit `0…` format, but its own calling code: `0590 32 54 15` is +590 590 32 54 15, not +33.
 * Staff also write `+33 6 90 …` for a Guadeloupe mobile. Such numbers are re-read with the right
 * calling code; libphonenumber's allocated-block data lags new overseas blocks, so a number with a
 * known overseas prefix and the right length is accepted. (Saint-Pierre-et-Miquelon has its own
 * 6-digit plan, +508, outside the French 10-digit one: written with +508 it is read normally.)
 */
const OVERSEAS_PREFIXES: ReadonlyArray<readonly [callingCode: string, prefixes: readonly string[]]> = [
  ['590', ['590', '690', '691']], // Guadeloupe
  ['596', ['596', '696', '697']], // Martinique
  ['594', ['594', '694']], // Guyane
  ['262', ['262', '263', '692', '693']], // La Réunion
  ['262', ['269', '639']], // Mayotte
];

/** The 9 national digits of a French-format number (`0X XX XX XX XX`, `+33 X…`, `0033 X…`), if it is one. */
function frenchNationalDigits(input: string): string | undefined {
  const digits = input.replace(/[\s.\-()/\u00a0\u202f]/g, '').replace(/^\+33(?:0)?|^0033(?:0)?|^0/, '');
  return /^\d{9}$/.test(digits) && /^(?:\+33|0033|0)/.test(input.replace(/[\s\u00a0\u202f]/g, '')) ? digits : undefined;
}

/** Every such number has 9 national digits, all possible there: its E.164 form is written directly (as libphonenumber would). */
function overseasNumber(input: string): E164Phone | undefined {
  const national = frenchNationalDigits(input);
  if (!national) return undefined;
  const overseas = OVERSEAS_PREFIXES.find(([, prefixes]) => prefixes.some((prefix) => national.startsWith(prefix)));
  return overseas ? (`+${overseas[0]}${national}` as E164Phone) : undefined;
}

/** The telephone region of an address's département, used to read numbers written without +. */
const REGION_OF_DEPARTEMENT: Readonly<Record<string, CountryCode>> = {
  '971': 'GP',
  '972': 'MQ',
  '973': 'GF',
  '974': 'RE',
  '975': 'PM',
  '976': 'YT',
  '977': 'BL',
  '978': 'MF',
};

export function phoneRegionOfDepartement(departementCode: string | undefined): CountryCode {
  return (departementCode && REGION_OF_DEPARTEMENT[departementCode]) || 'FR';
}

/**
 * Normalises a phone number to E.164. Numbers without an international prefix are read in
 * `defaultRegion` (FR unless the address says otherwise), then against the overseas prefixes.
 * Foreign numbers with `+` or `00` are accepted when valid.
 */
export function parsePhone(input: string, defaultRegion: CountryCode = 'FR'): RuleResult<E164Phone> {
  const shown = input.trim();
  if (shown === '') return violation('phone_required', 'Le numéro de téléphone est obligatoire.');
  if (/\p{L}/u.test(shown)) {
    return violation('phone_format', `« ${shown} » n'est pas un numéro de téléphone.`);
  }
  // An overseas company may well give a metropolitan number: its region first, then FR.
  for (const region of defaultRegion === 'FR' ? ['FR' as const] : [defaultRegion, 'FR' as const]) {
    const phone = parsePhoneNumberFromString(shown, region);
    if (phone?.isValid()) return ok(phone.number as E164Phone);
  }
  const overseas = overseasNumber(shown);
  if (overseas) return ok(overseas);
  return violation(
    'phone_invalid',
    `Le numéro « ${shown} » n'est pas un numéro de téléphone valide (10 chiffres en France, ou un numéro international commençant par +).`,
  );
}

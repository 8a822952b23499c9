import { parseNafCode } from '../classification/naf.js';
import { parseHeadcountBand } from '../companies/headcount-band.js';
import { parseCivility } from '../contacts/civility.js';
import { parseEmail } from '../contacts/email.js';
import { parsePhone, phoneRegionOfDepartement } from '../contacts/phone.js';
import { departementalUnionCode } from '../geography/departemental-union.js';
import { resolveCommune, type ResolvedCommune } from '../geography/resolve-commune.js';
import { parseSiren, type Siren } from '../identifiers/siren.js';
import { parseSiret, sirenOfSiret, type Siret } from '../identifiers/siret.js';
import type { RuleResult } from '../rule-result.js';
import { FIELD_LABELS, type ColumnMapping, type ImportField } from './column-mapping.js';
import { parseFrenchAmount } from './french-amount.js';
import { parseFrenchDate } from './french-date.js';
import type { ImportRecord, RowProblem, RowValidation } from './import-record.js';

/** Longest company, person and address texts we keep; longer cells are refused rather than cut. */
const MAX_TEXT_LENGTH = 200;

/**
 * Checks one data row against every rule and collects all its problems at once, so staff fix a
 * row in one pass. Optional columns (NAF, address, effectif, contact, date, dues) may be empty;
 * when filled they must be valid. The company needs a name, a SIREN (or SIRET) and a commune.
 */
export function validateImportRow(cells: readonly string[], mapping: ColumnMapping): RowValidation {
  const problems: RowProblem[] = [];
  const cell = (field: ImportField): string => {
    const column = mapping[field];
    return column ? (cells[column.index] ?? '').trim() : '';
  };
  const report = (field: ImportField, code: string, message: string): void => {
    problems.push({ field, column: mapping[field]?.header ?? FIELD_LABELS[field], code, message });
  };
  const check = <T>(field: ImportField, result: RuleResult<T>): T | undefined => {
    if (result.ok) return result.value;
    report(field, result.error.code, result.error.message);
    return undefined;
  };
  /** Empty optional cell → null; filled → parsed (undefined on error). */
  const optional = <T>(field: ImportField, parse: (value: string) => RuleResult<T>): T | null | undefined =>
    cell(field) === '' ? null : check(field, parse(cell(field)));
  const text = (field: ImportField): string | null => {
    const value = cell(field).replace(/\s+/g, ' ');
    if (value.length > MAX_TEXT_LENGTH) {
      report(field, 'text_too_long', `Le texte dépasse ${MAX_TEXT_LENGTH} caractères.`);
      return null;
    }
    return value === '' ? null : value;
  };

  const name = text('companyName');
  if (name === null && !problems.some((problem) => problem.field === 'companyName')) {
    report('companyName', 'company_name_required', "La raison sociale de l'entreprise est vide.");
  }

  const { siren, siret } = identifiers(cell, check, report, mapping);
  const naf = optional('nafCode', (value) => parseNafCode(value));
  const headcountBand = optional('headcount', parseHeadcountBand);
  // A quoted address over two lines (street, building) becomes one line: we keep one address line.
  const addressLine = text('addressLine');

  let commune: ResolvedCommune | undefined;
  const communeResult = resolveCommune(cell('postalCode'), cell('city'));
  if (communeResult.ok) commune = communeResult.value;
  else {
    const aboutCity = communeResult.error.code.startsWith('commune') || /cedex/i.test(cell('city'));
    report(aboutCity ? 'city' : 'postalCode', communeResult.error.code, communeResult.error.message);
  }
  const unionDepartementCode = commune ? departementalUnionCode(commune.departementCode) : null;
  if (commune && unionDepartementCode === null) {
    report(
      'postalCode',
      'union_missing',
      `${commune.name} (${commune.departementCode}) n'est rattachée à aucune union départementale du réseau : le siège doit décider de son rattachement.`,
    );
  }

  const lastName = text('lastName');
  const firstName = text('firstName');
  const civility = optional('civility', parseCivility);
  const email = optional('email', parseEmail);
  const phone = optional('phone', (value) => parsePhone(value, phoneRegionOfDepartement(commune?.departementCode)));
  const namesSomeone = [lastName, firstName, cell('email'), cell('phone')].some((value) => value !== null && value !== '');
  if (namesSomeone && lastName === null && !problems.some((problem) => problem.field === 'lastName')) {
    report('lastName', 'contact_name_required', "Le nom du contact est vide alors que la ligne donne d'autres informations sur lui.");
  }

  const joinedOn = optional('joinedOn', parseFrenchDate);
  const duesCents = optional('duesAmount', parseFrenchAmount);

  if (problems.length > 0) return { ok: false, problems };
  const record: ImportRecord = {
    company: {
      siren: siren!,
      siret,
      name: name!,
      naf: naf ?? null,
      headcountBand: headcountBand ?? null,
      address: {
        line: addressLine,
        postalCode: commune!.postalCode,
        communeInseeCode: commune!.inseeCode,
        communeName: commune!.name,
        departementCode: commune!.departementCode,
      },
    },
    contact: namesSomeone
      ? { civility: civility ?? null, lastName: lastName!, firstName, email: email ?? null, phone: phone ?? null }
      : null,
    membership: { joinedOn: joinedOn ?? null, duesCents: duesCents ?? null, currency: 'EUR' },
    unionDepartementCode: unionDepartementCode!,
  };
  const warnings =
    commune!.matchedBy === 'approximate'
      ? [`La ville « ${cell('city')} » a été lue comme « ${commune!.name} » (${commune!.postalCode}) : vérifiez l'orthographe.`]
      : [];
  return { ok: true, record, warnings };
}

/** SIREN from its column, or from the SIRET column when only that is given; both must agree. */
function identifiers(
  cell: (field: ImportField) => string,
  check: <T>(field: ImportField, result: RuleResult<T>) => T | undefined,
  report: (field: ImportField, code: string, message: string) => void,
  mapping: ColumnMapping,
): { siren: Siren | undefined; siret: Siret | null } {
  const siret = cell('siret') === '' ? null : (check('siret', parseSiret(cell('siret'))) ?? null);
  if (mapping.siren === undefined || (cell('siren') === '' && siret !== null)) {
    if (siret === null && cell('siret') === '') report(mapping.siret ? 'siret' : 'siren', 'siren_required', 'Le SIREN est obligatoire.');
    return { siren: siret ? sirenOfSiret(siret) : undefined, siret };
  }
  const siren = check('siren', parseSiren(cell('siren')));
  if (siren && siret && sirenOfSiret(siret) !== siren) {
    report('siret', 'siret_siren_mismatch', `Le SIRET ne commence pas par le SIREN de la ligne (${siren}).`);
  }
  return { siren, siret };
}

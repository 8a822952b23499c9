import { describe, expect, it } from 'vitest';
import { generateSiren } from '../identifiers/siren.js';
import { mapColumns } from './column-mapping.js';
import { validateImportRow } from './validate-row.js';

const HEADERS = ['Raison sociale', 'SIREN', 'Code NAF', 'Adresse', 'Code postal', 'Ville', 'Effectif', 'Civilité', 'Nom', 'Prénom', 'Email', 'Téléphone', "Date d'adhésion", 'Cotisation (€)'];
const { mapping } = mapColumns(HEADERS);

/** A valid row in the branch export's format; override cells by header. */
function row(overrides: Partial<Record<(typeof HEADERS)[number], string>> = {}): string[] {
  const cells: Record<string, string> = {
    'Raison sociale': 'Boulangerie Martin',
    SIREN: '732 829 320',
    'Code NAF': '1071C',
    Adresse: '3 rue du Four',
    'Code postal': '45410',
    Ville: 'ARTENAY',
    Effectif: '3 à 5 salariés',
    Civilité: 'Mme',
    Nom: 'Martin',
    Prénom: 'Léa',
    Email: 'Lea.Martin@Gmail.com',
    Téléphone: '06 12 34 56 78',
    "Date d'adhésion": '01/02/2020',
    'Cotisation (€)': '1 250,00',
    ...overrides,
  };
  return HEADERS.map((header) => cells[header]!);
}

describe('validateImportRow', () => {
  it('normalises a complete row', () => {
    expect(validateImportRow(row(), mapping)).toEqual({
      ok: true,
      warnings: [],
      record: {
        company: {
          siren: '732829320',
          siret: null,
          name: 'Boulangerie Martin',
          naf: { code: '10.71C', version: 'NAF_REV2', label: expect.any(String) },
          headcountBand: '02',
          address: { line: '3 rue du Four', postalCode: '45410', communeInseeCode: '45008', communeName: 'Artenay', departementCode: '45' },
        },
        contact: {
          civility: 'MME',
          lastName: 'Martin',
          firstName: 'Léa',
          email: { address: 'Lea.Martin@gmail.com', key: 'lea.martin@gmail.com' },
          phone: '+33612345678',
        },
        membership: { joinedOn: '2020-02-01', duesCents: 125_000, currency: 'EUR' },
        unionDepartementCode: '45',
      },
    });
  });

  it('lists every problem of a row with the column as named in the file', () => {
    const result = validateImportRow(row({ SIREN: '73282932', Email: 'lea', "Date d'adhésion": '30/02/2020', 'Cotisation (€)': 'offert' }), mapping);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { column: 'SIREN', field: 'siren', code: 'siren_length' },
        { column: 'Email', field: 'email', code: 'email_invalid' },
        { column: "Date d'adhésion", field: 'joinedOn', code: 'date_invalid' },
        { column: 'Cotisation (€)', field: 'duesAmount', code: 'amount_format' },
      ],
    });
  });

  it('accepts empty optional cells', () => {
    const result = validateImportRow(row({ 'Code NAF': '', Effectif: '', Civilité: '', Email: '', Téléphone: '', "Date d'adhésion": '', 'Cotisation (€)': '' }), mapping);
    expect(result).toMatchObject({
      ok: true,
      record: { company: { naf: null, headcountBand: null }, contact: { email: null, phone: null, civility: null }, membership: { joinedOn: null, duesCents: null } },
    });
  });

  it('has no contact when the row names nobody, and wants a name when it gives an e-mail', () => {
    expect(validateImportRow(row({ Civilité: '', Nom: '', Prénom: '', Email: '', Téléphone: '' }), mapping)).toMatchObject({ ok: true, record: { contact: null } });
    expect(validateImportRow(row({ Nom: '' }), mapping)).toMatchObject({ ok: false, problems: [{ column: 'Nom', code: 'contact_name_required' }] });
  });

  it('accepts a misspelt commune with a warning', () => {
    expect(validateImportRow(row({ Ville: 'Lion-en-Beuce' }), mapping)).toMatchObject({
      ok: true,
      record: { company: { address: { communeName: 'Lion-en-Beauce' } } },
      warnings: [expect.stringContaining('lue comme « Lion-en-Beauce »')],
    });
    expect(validateImportRow(row(), mapping)).toMatchObject({ ok: true, warnings: [] });
  });

  it('reports commune problems on the right column', () => {
    expect(validateImportRow(row({ Ville: 'Orléans' }), mapping)).toMatchObject({ ok: false, problems: [{ column: 'Ville', code: 'commune_mismatch' }] });
    expect(validateImportRow(row({ 'Code postal': '75008', Ville: 'PARIS CEDEX 08' }), mapping)).toMatchObject({ ok: false, problems: [{ column: 'Ville', code: 'postal_code_cedex' }] });
    expect(validateImportRow(row({ 'Code postal': '75700', Ville: 'Paris' }), mapping)).toMatchObject({ ok: false, problems: [{ column: 'Code postal', code: 'postal_code_unknown' }] });
  });

  it('reads overseas phones with the address region and attaches Saint-Martin to Guadeloupe', () => {
    expect(validateImportRow(row({ 'Code postal': '97150', Ville: 'Saint-Martin', Téléphone: '0590 87 12 34' }), mapping)).toMatchObject({
      ok: true,
      record: { company: { address: { departementCode: '978' } }, contact: { phone: '+590590871234' }, unionDepartementCode: '971' },
    });
  });

  it('refuses Saint-Pierre-et-Miquelon until the network gives it a union', () => {
    expect(validateImportRow(row({ 'Code postal': '97500', Ville: 'Saint-Pierre' }), mapping)).toMatchObject({ ok: false, problems: [{ code: 'union_missing' }] });
  });

  it('takes the SIREN from a SIRET column and checks that both agree', () => {
    const withSiret = mapColumns(['Société', 'SIRET', 'CP', 'Ville']).mapping;
    expect(validateImportRow(['Martin', '732 829 320 00074', '45410', 'Artenay'], withSiret)).toMatchObject({
      ok: true,
      record: { company: { siren: '732829320', siret: '73282932000074' }, contact: null },
    });
    const both = mapColumns(['Société', 'SIREN', 'SIRET', 'CP', 'Ville']).mapping;
    expect(validateImportRow(['Martin', generateSiren(1), '73282932000074', '45410', 'Artenay'], both)).toMatchObject({
      ok: false,
      problems: [{ column: 'SIRET', code: 'siret_siren_mismatch' }],
    });
  });
});

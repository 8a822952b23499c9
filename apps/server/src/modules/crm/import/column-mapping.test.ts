import { describe, expect, it } from 'vitest';
import { mapColumns } from './column-mapping.js';

const EXCEL_HEADER = [
  'Raison sociale', 'SIREN', 'Code NAF', 'Adresse', 'Code postal', 'Ville', 'Effectif', 'Civilité', 'Nom du dirigeant', 'Prénom',
  'Email', 'Téléphone', "Date d'adhésion", 'Cotisation (€)',
];

describe('mapColumns', () => {
  it('maps the French headers of a branch export, ignoring case, accents and units', () => {
    const { mapping, problems, ignoredHeaders } = mapColumns(EXCEL_HEADER);
    expect(problems).toEqual([]);
    expect(ignoredHeaders).toEqual([]);
    expect(mapping).toMatchObject({
      companyName: { index: 0 },
      siren: { index: 1 },
      nafCode: { index: 2 },
      city: { index: 5 },
      civility: { index: 7, header: 'Civilité' },
      lastName: { index: 8 },
      firstName: { index: 9 },
      phone: { index: 11 },
      joinedOn: { index: 12 },
      duesAmount: { index: 13, header: 'Cotisation (€)' },
    });
  });

  it('matches other spellings', () => {
    const { mapping, problems } = mapColumns(['DENOMINATION', 'N° SIRET', 'CP', 'COMMUNE', 'E-mail', 'Tél.', 'Code APE']);
    expect(problems).toEqual([]);
    expect(mapping).toMatchObject({ companyName: { index: 0 }, siret: { index: 1 }, postalCode: { index: 2 }, city: { index: 3 }, email: { index: 4 }, phone: { index: 5 }, nafCode: { index: 6 } });
  });

  it('lets staff override or ignore a column', () => {
    const { mapping, problems, ignoredHeaders } = mapColumns(['Société', 'SIREN', 'CP', 'Mail perso', 'Mail pro'], {
      email: 'mail pro',
      companyName: 'Société',
    });
    expect(problems).toEqual([]);
    expect(mapping.email).toEqual({ index: 4, header: 'Mail pro' });
    expect(ignoredHeaders).toEqual(['Mail perso']);
    expect(mapColumns(['Société', 'SIREN', 'CP', 'Téléphone'], { phone: null }).mapping.phone).toBeUndefined();
  });

  it('reports missing, unknown and ambiguous columns', () => {
    expect(mapColumns(['Nom', 'Ville']).problems.map((problem) => problem.code)).toEqual(['column_missing', 'column_missing', 'column_missing']);
    expect(mapColumns(['Société', 'SIREN', 'CP'], { email: 'Courriel' }).problems).toMatchObject([{ code: 'column_not_found' }]);
    expect(mapColumns(['Société', 'SIREN', 'CP', 'Email', 'E-mail']).problems).toMatchObject([
      { code: 'column_ambiguous', message: expect.stringContaining('« Email », « E-mail »') },
    ]);
  });
});

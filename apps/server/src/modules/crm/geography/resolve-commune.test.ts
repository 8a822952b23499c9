import { describe, expect, it } from 'vitest';
import { findCommunesByPostalCode, resolveCommune } from './resolve-commune.js';

describe('findCommunesByPostalCode', () => {
  it('lists every commune a postal code serves with INSEE and département codes', () => {
    const result = findCommunesByPostalCode('45410');
    expect(result.ok && result.value.map((commune) => commune.name)).toEqual(
      expect.arrayContaining(['Artenay', 'Bucy-le-Roi', 'Lion-en-Beauce', 'Ruan', 'Sougy', 'Trinay']),
    );
    expect(result.ok && result.value.every((commune) => commune.departementCode === '45' && commune.regionCode === '24')).toBe(true);
  });

  it('pads a postal code whose leading zero Excel dropped', () => {
    expect(findCommunesByPostalCode('1000')).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ inseeCode: '01053', departementCode: '01' })]) });
  });

  it('rejects unknown, CEDEX, malformed and Pacific codes with distinct reasons', () => {
    expect(findCommunesByPostalCode('99999')).toMatchObject({ ok: false, error: { code: 'postal_code_unknown', message: expect.stringContaining("n'existe pas") } });
    expect(findCommunesByPostalCode('75700')).toMatchObject({ ok: false, error: { code: 'postal_code_unknown', message: expect.stringContaining('CEDEX') } });
    expect(findCommunesByPostalCode('75007 CEDEX 07')).toMatchObject({ ok: false, error: { code: 'postal_code_cedex' } });
    expect(findCommunesByPostalCode('7500A')).toMatchObject({ ok: false, error: { code: 'postal_code_format' } });
    expect(findCommunesByPostalCode('')).toMatchObject({ ok: false, error: { code: 'postal_code_required' } });
    expect(findCommunesByPostalCode('98714')).toMatchObject({ ok: false, error: { code: 'postal_code_out_of_scope' } });
    expect(findCommunesByPostalCode('98800')).toMatchObject({ ok: false, error: { code: 'postal_code_out_of_scope' } });
  });
});

describe('resolveCommune', () => {
  it('resolves communes nouvelles La Poste still files under a former commune code, to the current code', () => {
    expect(resolveCommune('69640', 'Porte des Pierres Dorées')).toMatchObject({ ok: true, value: { inseeCode: '69114', departementCode: '69' } });
    expect(resolveCommune('12320', 'Conques-en-Rouergue')).toMatchObject({ ok: true, value: { inseeCode: '12218' } });
    expect(resolveCommune('49270', "Orée d'Anjou")).toMatchObject({ ok: true, value: { inseeCode: '49126' } });
    // The former commune's name still leads there.
    expect(resolveCommune('69640', 'Pouilly-le-Monial')).toMatchObject({ ok: true, value: { inseeCode: '69114' } });
  });

  it('chooses among communes sharing a postal code, whatever the case, accents and hyphens', () => {
    expect(resolveCommune('45410', 'ARTENAY')).toMatchObject({ ok: true, value: { inseeCode: '45008', matchedBy: 'exact' } });
    expect(resolveCommune('45410', 'bucy le roi')).toMatchObject({ ok: true, value: { inseeCode: '45058' } });
    expect(resolveCommune('97427', "L'ETANG SALE")).toMatchObject({ ok: true, value: { departementCode: '974', name: "L'Étang-Salé" } });
  });

  it('answers each spelling on its own, however many a postal code has met before (remembered per postal code)', () => {
    const spellings = ['Artenay', 'ARTENAY', 'Sougy', 'Ruan', 'Trinay', 'Lion en Beauce', 'Bucy-le-Roi', 'Bucy le roi', 'Artennay', 'Paris'];
    const resolve = () =>
      spellings.map((name) => {
        const result = resolveCommune('45410', name);
        return result.ok ? result.value.name : result.error.code;
      });
    const expected = ['Artenay', 'Artenay', 'Sougy', 'Ruan', 'Trinay', 'Lion-en-Beauce', 'Bucy-le-Roi', 'Bucy-le-Roi', 'Artenay', 'commune_mismatch'];
    expect(resolve()).toEqual(expected);
    expect(resolve()).toEqual(expected);
  });

  it('reads ST as SAINT and ignores articles', () => {
    expect(resolveCommune('21270', 'ST LEGER TRIEY')).toMatchObject({ ok: true, value: { name: 'Saint-Léger-Triey' } });
    expect(resolveCommune('01000', 'St-Denis-les-Bourg')).toMatchObject({ ok: true, value: { inseeCode: '01344' } });
    expect(resolveCommune('53640', 'Ribay')).toMatchObject({ ok: true, value: { name: 'Le Ribay' } });
    expect(resolveCommune('53640', 'Ribay (Le)')).toMatchObject({ ok: true, value: { name: 'Le Ribay' } });
  });

  it('splits Corsica into 2A and 2B by commune', () => {
    expect(resolveCommune('20000', 'AJACCIO')).toMatchObject({ ok: true, value: { inseeCode: '2A004', departementCode: '2A' } });
    expect(resolveCommune('20200', 'Bastia')).toMatchObject({ ok: true, value: { inseeCode: '2B033', departementCode: '2B' } });
    // Mezzavia is a La Poste delivery label of Ajaccio.
    expect(resolveCommune('20167', 'Mezzavia')).toMatchObject({ ok: true, value: { inseeCode: '2A004' } });
  });

  it('handles overseas départements and collectivités', () => {
    expect(resolveCommune('97223', 'Le Diamant')).toMatchObject({ ok: true, value: { departementCode: '972' } });
    expect(resolveCommune('97600', 'Mamoudzou')).toMatchObject({ ok: true, value: { departementCode: '976' } });
    expect(resolveCommune('97133', '')).toMatchObject({ ok: true, value: { inseeCode: '97701', departementCode: '977', matchedBy: 'only-commune' } });
    expect(resolveCommune('97150', 'Saint-Martin')).toMatchObject({ ok: true, value: { departementCode: '978' } });
    expect(resolveCommune('97500', 'Saint-Pierre')).toMatchObject({ ok: true, value: { departementCode: '975' } });
  });

  it('finds the arrondissement from the city name in Paris, Lyon and Marseille', () => {
    expect(resolveCommune('75016', 'Paris')).toMatchObject({ ok: true, value: { inseeCode: '75116', departementCode: '75' } });
    expect(resolveCommune('75116', 'PARIS')).toMatchObject({ ok: true, value: { inseeCode: '75116' } });
    // La Poste also labels 75016 "PARIS" for a corner of Boulogne-Billancourt: the official name wins.
    expect(resolveCommune('75016', 'Boulogne-Billancourt')).toMatchObject({ ok: true, value: { inseeCode: '92012', departementCode: '92' } });
    expect(resolveCommune('13001', 'Marseille')).toMatchObject({ ok: true, value: { inseeCode: '13201', departementCode: '13' } });
  });

  it('recognises a former commune merged into a commune nouvelle', () => {
    expect(resolveCommune('01200', 'Châtillon-en-Michaille')).toMatchObject({ ok: true, value: { inseeCode: '01033', name: 'Valserhône' } });
  });

  it('tolerates a typo when a single commune is that close', () => {
    expect(resolveCommune('45410', 'Lion-en-Beuce')).toMatchObject({ ok: true, value: { inseeCode: '45183', matchedBy: 'approximate' } });
  });

  it('explains a name that does not belong to the postal code, and a missing name', () => {
    expect(resolveCommune('45410', 'Orléans')).toMatchObject({
      ok: false,
      error: { code: 'commune_mismatch', message: expect.stringContaining('Artenay') },
    });
    expect(resolveCommune('45410', '')).toMatchObject({ ok: false, error: { code: 'commune_required' } });
    expect(resolveCommune('75008', 'PARIS CEDEX 08')).toMatchObject({ ok: false, error: { code: 'postal_code_cedex' } });
  });
});

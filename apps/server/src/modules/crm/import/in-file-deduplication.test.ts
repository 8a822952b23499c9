import { describe, expect, it } from 'vitest';
import { mapColumns } from './column-mapping.js';
import { contactKey, InFileDeduplicator } from './in-file-deduplication.js';
import type { ImportRecord } from './import-record.js';
import { validateImportRow } from './validate-row.js';
import { generateSiren } from '../identifiers/siren.js';

const { mapping } = mapColumns(['Société', 'SIREN', 'CP', 'Ville', 'Nom', 'Prénom', 'Email', 'Cotisation']);

function record(cells: string[]): ImportRecord {
  const result = validateImportRow(cells, mapping);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.record;
}

describe('InFileDeduplicator', () => {
  it('collapses the same SIREN and the same e-mail whatever its case', () => {
    const deduplicator = new InFileDeduplicator();
    expect(deduplicator.observe(2, record(['Martin', '732829320', '45410', 'Artenay', 'Martin', 'Léa', 'lea@free.fr', '100']))).toEqual({
      companyFirstRow: null,
      contactFirstRow: null,
      warnings: [],
    });
    expect(deduplicator.observe(3, record(['MARTIN', '732 829 320', '45410', 'Artenay', 'Martin', 'Léa', 'LEA@FREE.FR', '100']))).toEqual({
      companyFirstRow: 2,
      contactFirstRow: 2,
      warnings: [],
    });
    expect([deduplicator.companyCount, deduplicator.contactCount]).toEqual([1, 1]);
  });

  it('warns when a repeated company disagrees with its first row', () => {
    const deduplicator = new InFileDeduplicator();
    deduplicator.observe(2, record(['Martin', '732829320', '45410', 'Artenay', 'Martin', 'Léa', 'lea@free.fr', '100']));
    const info = deduplicator.observe(5, record(['Martin SA', '732829320', '45410', 'Artenay', 'Durand', 'Luc', 'luc@free.fr', '200']));
    expect(info.companyFirstRow).toBe(2);
    expect(info.contactFirstRow).toBeNull();
    expect(info.warnings).toEqual([expect.stringContaining('sous un autre nom'), expect.stringContaining('Cotisation différente')]);
  });

  it('keys people without e-mail by company and name, and the same e-mail across companies as one person', () => {
    const noEmail = record(['Martin', '732829320', '45410', 'Artenay', 'Martin', 'Léa', '', '']);
    expect(contactKey(noEmail)).toBe('name:732829320:martin:lea');
    const deduplicator = new InFileDeduplicator();
    deduplicator.observe(2, record(['Martin', '732829320', '45410', 'Artenay', 'Martin', 'Léa', 'lea@free.fr', '']));
    expect(deduplicator.observe(3, record(['Autre', '552100554', '45410', 'Artenay', 'Martin', 'Léa', 'Lea@free.fr', ''])).contactFirstRow).toBe(2);
  });
});

describe('InFileDeduplicator at scale', () => {
  it('remembers the first row of thousands of companies and warns on each point a later row changes', () => {
    const deduplicator = new InFileDeduplicator();
    const first = (index: number) => record([`Entreprise ${index}`, generateSiren(index), '45410', 'Artenay', 'Nom', 'Léa', `lea.${index}@free.fr`, '100']);
    for (let index = 0; index < 5_000; index += 1) expect(deduplicator.observe(index + 2, first(index)).companyFirstRow).toBeNull();
    expect(deduplicator.observe(9_000, first(4_321))).toEqual({ companyFirstRow: 4_323, contactFirstRow: 4_323, warnings: [] });
    const moved = record(['Entreprise 4321', generateSiren(4_321), '69001', 'Lyon', 'Autre', 'Luc', '', '']);
    expect(deduplicator.observe(9_001, moved).warnings).toEqual([
      'Cotisation différente de celle de la ligne 4323 pour la même entreprise : celle de la ligne 4323 est conservée.',
      "Adresse dans un autre département que la ligne 4323 pour la même entreprise : l'adresse de la ligne 4323 est conservée.",
    ]);
    expect([deduplicator.companyCount, deduplicator.contactCount]).toEqual([5_000, 5_001]);
    expect(contactKey(first(7))).toBe('lea.7@free.fr');
  });
});

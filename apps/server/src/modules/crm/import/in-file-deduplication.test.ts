import { describe, expect, it } from 'vitest';
import { mapColumns } from './column-mapping.js';
import { contactKey, InFileDeduplicator } from './in-file-deduplication.js';
import type { ImportRecord } from './import-record.js';
import { validateImportRow } from './validate-row.js';

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

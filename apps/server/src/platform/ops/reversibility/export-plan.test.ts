import { describe, expect, it } from 'vitest';
import { planEntityExport } from './export-plan.js';
import type { ColumnInfo, ForeignKey, SchemaCatalog } from './schema-catalog.js';

const ROOT = '01936f6e-0000-7000-8000-000000000001';

function column(name: string, generated = false): ColumnInfo {
  return { name, type: 'uuid', nullable: false, generated };
}

/** A schema as a future module could shape it: invoices owned by an entity, lines without entity column. */
function catalog(): SchemaCatalog {
  const tables: Array<[string, ColumnInfo[]]> = [
    ['entities', [column('id'), column('parent_id')]],
    ['entity_tree_paths', [column('ancestor_id'), column('descendant_id')]],
    ['invoices', [column('id'), column('entity_id'), column('search', true)]],
    ['invoice_lines', [column('id'), column('invoice_id'), column('product_id')]],
    ['products', [column('id'), column('name')]],
    ['sessions', [column('id'), column('user_id')]],
  ];
  const foreignKeys: ForeignKey[] = [
    { table: 'entities', column: 'parent_id', referencedTable: 'entities', referencedColumn: 'id' },
    { table: 'invoices', column: 'entity_id', referencedTable: 'entities', referencedColumn: 'id' },
    { table: 'invoice_lines', column: 'invoice_id', referencedTable: 'invoices', referencedColumn: 'id' },
    { table: 'invoice_lines', column: 'product_id', referencedTable: 'products', referencedColumn: 'id' },
  ];
  return { tables: new Map(tables.map(([name, columns]) => [name, { name, columns, primaryKey: ['id'] }])), foreignKeys };
}

describe('export plan', () => {
  const plan = planEntityExport(catalog(), ROOT);
  const planned = (name: string) => plan.tables.find((t) => t.name === name);

  it('follows owned rows to their children and to the shared rows they point to', () => {
    expect(planned('invoices')).toMatchObject({ role: 'owned', where: expect.stringContaining(`"entity_id" IN (SELECT descendant_id FROM entity_tree_paths WHERE ancestor_id = '${ROOT}')`) });
    expect(planned('invoice_lines')).toMatchObject({ role: 'linked', where: expect.stringContaining('"invoice_id" IN (SELECT "id" FROM "invoices" WHERE') });
    expect(planned('products')).toMatchObject({ role: 'reference', where: expect.stringContaining('"id" IN (SELECT "product_id" FROM "invoice_lines" WHERE') });
    expect(planned('entities')?.where).toContain('SELECT ancestor_id FROM entity_tree_paths');
  });

  it('orders tables so that each comes after those it references, and leaves out generated columns', () => {
    const order = plan.tables.map((t) => t.name);
    expect(order.indexOf('entities')).toBeLessThan(order.indexOf('invoices'));
    expect(order.indexOf('invoices')).toBeLessThan(order.indexOf('invoice_lines'));
    expect(order.indexOf('products')).toBeLessThan(order.indexOf('invoice_lines'));
    expect(planned('invoices')?.columns.map((c) => c.name)).toEqual(['id', 'entity_id']);
  });

  it('never exports instance tables, and says why', () => {
    expect(planned('sessions')).toBeUndefined();
    expect(planned('entity_tree_paths')).toBeUndefined();
    expect(plan.excluded.map((e) => e.name).sort()).toEqual(['entity_tree_paths', 'sessions']);
  });

  it('refuses a root that is not a UUID (it is written into SQL)', () => {
    expect(() => planEntityExport(catalog(), "x'; DROP TABLE entities; --")).toThrow(/Not an entity id/);
  });
});

import { quoteIdentifier as q } from '../table-stats.js';
import type { ColumnInfo, ForeignKey, SchemaCatalog } from './schema-catalog.js';

/**
 * Why a table's rows are in an export: `entities` (the subtree, its ancestors and any entity its
 * rows point to), `owned` (an entity column inside the subtree), `linked` (child rows of owned
 * ones) or `reference` (shared rows the exported ones point to, e.g. a role or an organisation).
 */
export type ExportRole = 'entities' | 'owned' | 'linked' | 'reference';

export interface PlannedTable {
  name: string;
  role: ExportRole;
  /** SQL condition selecting the exported rows of the table. */
  where: string;
  columns: ColumnInfo[];
  primaryKey: string[];
}

export interface ExportPlan {
  /** In dependency order: a table comes after every table it references (self-references excepted). */
  tables: PlannedTable[];
  excluded: Array<{ name: string; reason: string }>;
}

/** Tables never exported: secrets and state that belong to one instance, or rows the database derives. */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  sessions: "sessions de connexion : propres à l'instance, elles expirent",
  personal_access_tokens: "jetons d'accès : secrets propres à l'instance, à recréer",
  idempotency_keys: 'clés de rejeu des requêtes : temporaires',
  processed_messages: 'messages déjà traités par le bus : mécanique interne',
  audit_chain_head: "tête de la chaîne d'audit : propre à l'instance (le manifeste en garde la valeur)",
  entity_tree_paths: "chemins de l'arbre : recalculés par la base à l'insertion des entités",
  feature_flags: "réglages de l'instance, pas des données de l'organisation",
  entity_exports: 'exports déjà produits par cette instance : leurs archives restent sur son disque',
  cms_site_generations: "compteurs de publication des sites (cache) : recalculés par la base à l'import des sites et contenus",
  cms_search_documents: "index de recherche des sites publics : recalculé par la base à l'import des contenus publiés",
  membership_status_totals: "totaux du tableau de bord : recalculés par la base à l'import des adhésions",
  membership_dues_totals: "totaux du tableau de bord : recalculés par la base à l'import des factures",
  membership_open_balances: "totaux du tableau de bord : recalculés par la base à l'import des factures",
  membership_renewal_totals: "totaux du tableau de bord : recalculés par la base à l'import des campagnes",
  event_seat_totals: "places prises par événement (tableau de bord) : recalculées par la base à l'import des inscriptions",
};

/** Columns tied to the instance that wrote them: the importing instance fills them itself. */
export const INSTANCE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  // The importing instance seals imported events into its own hash chain.
  audit_events: ['chain_position', 'chain_hash'],
};

const isExcluded = (table: string): boolean => Object.hasOwn(EXCLUDED_TABLES, table);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function planEntityExport(catalog: SchemaCatalog, rootEntityId: string): ExportPlan {
  if (!UUID.test(rootEntityId)) throw new Error(`Not an entity id: ${rootEntityId}`);
  const subtree = `(SELECT descendant_id FROM entity_tree_paths WHERE ancestor_id = '${rootEntityId}')`;
  const candidates = [...catalog.tables.keys()].filter((name) => !isExcluded(name) && name !== 'entities');
  const fks = catalog.foreignKeys.filter((fk) => !isExcluded(fk.table) && !isExcluded(fk.referencedTable));
  const conditions = new Map<string, { role: ExportRole; terms: string[] }>();
  const where = (table: string) => conditions.get(table)!.terms.map((term) => `(${term})`).join(' OR ');

  for (const table of candidates) {
    const entityColumns = catalog.tables.get(table)!.columns.some((c) => c.name === 'entity_id')
      ? ['entity_id']
      : fks.filter((fk) => fk.table === table && fk.referencedTable === 'entities').map((fk) => fk.column);
    if (entityColumns.length > 0) conditions.set(table, { role: 'owned', terms: entityColumns.map((column) => `${q(column)} IN ${subtree}`) });
  }
  for (let added = true; added; ) {
    added = false;
    for (const fk of fks) {
      if (conditions.has(fk.table) || !conditions.has(fk.referencedTable) || fk.table === 'entities' || fk.table === fk.referencedTable) continue;
      conditions.set(fk.table, { role: 'linked', terms: [`${q(fk.column)} IN (SELECT ${q(fk.referencedColumn)} FROM ${q(fk.referencedTable)} WHERE ${where(fk.referencedTable)})`] });
      added = true;
    }
  }
  addReferencedRows(fks, conditions, where);

  const referencedEntities = fks
    .filter((fk) => fk.referencedTable === 'entities' && fk.table !== 'entities' && conditions.has(fk.table))
    .map((fk) => `SELECT ${q(fk.column)} FROM ${q(fk.table)} WHERE ${where(fk.table)}`);
  conditions.set('entities', {
    role: 'entities',
    terms: [`id IN (SELECT ancestor_id FROM entity_tree_paths WHERE descendant_id IN (${[subtree.slice(1, -1), ...referencedEntities].join(' UNION ')}))`],
  });

  const planned = [...conditions.entries()].map(([name, { role }]) => {
    const table = catalog.tables.get(name)!;
    const instanceColumns = INSTANCE_COLUMNS[name] ?? [];
    return { name, role, where: where(name), columns: table.columns.filter((c) => !c.generated && !instanceColumns.includes(c.name)), primaryKey: table.primaryKey };
  });
  return {
    tables: inDependencyOrder(planned, fks),
    excluded: Object.entries(EXCLUDED_TABLES)
      .filter(([name]) => catalog.tables.has(name))
      .map(([name, reason]) => ({ name, reason })),
  };
}

/** Shared rows the exported ones point to (each foreign key considered once, so the loop ends). */
function addReferencedRows(fks: ForeignKey[], conditions: Map<string, { role: ExportRole; terms: string[] }>, where: (table: string) => string): void {
  const followed = new Set<ForeignKey>();
  for (let added = true; added; ) {
    added = false;
    for (const fk of fks) {
      if (followed.has(fk) || !conditions.has(fk.table) || fk.referencedTable === 'entities' || fk.table === fk.referencedTable) continue;
      followed.add(fk);
      const term = `${q(fk.referencedColumn)} IN (SELECT ${q(fk.column)} FROM ${q(fk.table)} WHERE ${where(fk.table)})`;
      const existing = conditions.get(fk.referencedTable);
      if (existing) existing.terms.push(term);
      else conditions.set(fk.referencedTable, { role: 'reference', terms: [term] });
      added = true;
    }
  }
}

function inDependencyOrder(tables: PlannedTable[], fks: ForeignKey[]): PlannedTable[] {
  const names = new Set(tables.map((t) => t.name));
  const remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  const ordered: PlannedTable[] = [];
  while (remaining.length > 0) {
    const placed = new Set(ordered.map((t) => t.name));
    const index = remaining.findIndex((table) =>
      fks.every((fk) => fk.table !== table.name || fk.referencedTable === table.name || !names.has(fk.referencedTable) || placed.has(fk.referencedTable)),
    );
    // A cycle between tables: take the next one; the import reports a violated reference if any.
    ordered.push(...remaining.splice(Math.max(index, 0), 1));
  }
  return ordered;
}

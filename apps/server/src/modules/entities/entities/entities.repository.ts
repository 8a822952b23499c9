import type { Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import { entities, type EntityKind } from '../../../platform/tenancy/entity-tree.tables.js';
import { entityCollection } from './entities.collection.js';
import type { Entity } from './entities.schema.js';

/** The columns of `entities` the API shows, mapped to the nested representation. */
const COLUMNS = `id, kind, code, name, parent_id, insee_code, siren, legal_name, address_line, postal_code, city, email, phone,
  version, created_at, updated_at`;

interface EntityRow {
  id: string;
  kind: EntityKind;
  code: string;
  name: string;
  parent_id: string | null;
  insee_code: string | null;
  siren: string | null;
  legal_name: string | null;
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
  email: string | null;
  phone: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

function toEntity(row: EntityRow): Entity {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    inseeCode: row.insee_code,
    legalIdentity: { siren: row.siren, legalName: row.legal_name },
    address: { line: row.address_line, postalCode: row.postal_code, city: row.city },
    contact: { email: row.email, phone: row.phone },
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The writable fields, flattened to their columns. */
export interface EntityFields {
  name: string;
  siren: string | null;
  legalName: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  email: string | null;
  phone: string | null;
}

export function fieldsOf(entity: Entity): EntityFields {
  return {
    name: entity.name,
    siren: entity.legalIdentity.siren,
    legalName: entity.legalIdentity.legalName,
    addressLine: entity.address.line,
    postalCode: entity.address.postalCode,
    city: entity.address.city,
    email: entity.contact.email,
    phone: entity.contact.phone,
  };
}

/** One page of the flat list, filtered and sorted as the collection query says. */
export async function fetchEntityPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<Entity>> {
  const page = await fetchPage<typeof entities.$inferSelect>(tx, entityCollection, query, { table: entities });
  return { ...page, items: page.items.map(fromColumns) };
}

function fromColumns(row: typeof entities.$inferSelect): Entity {
  return toEntity({
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    parent_id: row.parentId,
    insee_code: row.inseeCode,
    siren: row.siren,
    legal_name: row.legalName,
    address_line: row.addressLine,
    postal_code: row.postalCode,
    city: row.city,
    email: row.email,
    phone: row.phone,
    version: row.version,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}

export async function findAllEntities(tx: Tx): Promise<Entity[]> {
  const { rows } = await tx.client.query<EntityRow>(`SELECT ${COLUMNS} FROM entities ORDER BY code`);
  return rows.map(toEntity);
}

// Built once: the automatic statement names are looked up by text, and a string made per call is hashed per call.
const BY_ID = `SELECT ${COLUMNS} FROM entities WHERE id = $1`;
const BY_ID_FOR_UPDATE = `${BY_ID} FOR UPDATE`;

export async function findEntityById(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<Entity | null> {
  const { rows } = await tx.client.query<EntityRow>(options.forUpdate ? BY_ID_FOR_UPDATE : BY_ID, [id]);
  return rows[0] ? toEntity(rows[0]) : null;
}

export async function findNationalEntityId(tx: Tx): Promise<string | null> {
  const { rows } = await tx.client.query<{ id: string }>(`SELECT id FROM entities WHERE kind = 'national'`);
  return rows[0]?.id ?? null;
}

export async function codeExists(tx: Tx, code: string): Promise<boolean> {
  const { rows } = await tx.client.query<{ exists: boolean }>('SELECT EXISTS (SELECT 1 FROM entities WHERE code = $1) AS exists', [code]);
  return rows[0]!.exists;
}

/** True when `id` is one of the roots or lies below one of them (closure table). */
export async function isWithinRoots(tx: Tx, id: string, roots: readonly string[]): Promise<boolean> {
  if (roots.length === 0) return false;
  const { rows } = await tx.client.query<{ within: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM entity_tree_paths WHERE descendant_id = $1 AND ancestor_id = ANY($2::uuid[])) AS within',
    [id, roots],
  );
  return rows[0]!.within;
}

export async function insertEntity(
  tx: Tx,
  entity: EntityFields & { id: string; kind: EntityKind; code: string; parentId: string; inseeCode: string | null },
): Promise<Entity> {
  const { rows } = await tx.client.query<EntityRow>(
    `INSERT INTO entities (id, kind, code, name, parent_id, insee_code, siren, legal_name, address_line, postal_code, city, email, phone)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLUMNS}`,
    [entity.id, entity.kind, entity.code, entity.name, entity.parentId, entity.inseeCode, entity.siren, entity.legalName,
      entity.addressLine, entity.postalCode, entity.city, entity.email, entity.phone],
  );
  return toEntity(rows[0]!);
}

/** Writes the fields and bumps the version, only if the version is still the expected one (null: no row updated). */
export async function updateEntityFields(tx: Tx, id: string, expectedVersion: number, fields: EntityFields): Promise<Entity | null> {
  const { rows } = await tx.client.query<EntityRow>(
    `UPDATE entities SET name = $3, siren = $4, legal_name = $5, address_line = $6, postal_code = $7, city = $8, email = $9, phone = $10,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
    [id, expectedVersion, fields.name, fields.siren, fields.legalName, fields.addressLine, fields.postalCode, fields.city, fields.email, fields.phone],
  );
  return rows[0] ? toEntity(rows[0]) : null;
}

/** The closure-table trigger rewrites the subtree's paths (and refuses a cycle as a backstop). */
export async function updateEntityParent(tx: Tx, id: string, parentId: string): Promise<Entity> {
  const { rows } = await tx.client.query<EntityRow>(
    `UPDATE entities SET parent_id = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, parentId],
  );
  return toEntity(rows[0]!);
}

import { isoTimestamp, TIMESTAMPTZ_AS_TEXT, type TimestamptzValue, type Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import { entities, type EntityKind } from '../../../platform/tenancy/entity-tree.tables.js';
import { entityCollection } from './entities.collection.js';
import type { Entity } from './entities.schema.js';

/**
 * The columns of `entities` the API shows, under the names Drizzle gives them (a page's rows and a
 * single read share one mapping to the nested representation).
 */
const COLUMNS = `id, kind, code, name, parent_id AS "parentId", insee_code AS "inseeCode", siren, legal_name AS "legalName",
  address_line AS "addressLine", postal_code AS "postalCode", city, email, phone, version, created_at AS "createdAt", updated_at AS "updatedAt"`;

type EntityRow = Omit<typeof entities.$inferSelect, 'createdAt' | 'updatedAt'> & { createdAt: TimestamptzValue; updatedAt: TimestamptzValue };

function toEntity(row: EntityRow): Entity {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    parentId: row.parentId,
    inseeCode: row.inseeCode,
    legalIdentity: { siren: row.siren, legalName: row.legalName },
    address: { line: row.addressLine, postalCode: row.postalCode, city: row.city },
    contact: { email: row.email, phone: row.phone },
    version: row.version,
    createdAt: isoTimestamp(row.createdAt),
    updatedAt: isoTimestamp(row.updatedAt),
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
  const page = await fetchPage<EntityRow>(tx, entityCollection, query, { table: entities, timestampsAsText: true });
  return { ...page, items: page.items.map(toEntity) };
}

export async function findAllEntities(tx: Tx): Promise<Entity[]> {
  const { rows } = await tx.client.query<EntityRow>({ text: `SELECT ${COLUMNS} FROM entities ORDER BY code`, types: TIMESTAMPTZ_AS_TEXT });
  return rows.map(toEntity);
}

// Built once: the automatic statement names are looked up by text, and a string made per call is hashed per call.
const BY_ID = `SELECT ${COLUMNS} FROM entities WHERE id = $1`;
const BY_ID_FOR_UPDATE = `${BY_ID} FOR UPDATE`;

export async function findEntityById(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<Entity | null> {
  const { rows } = await tx.client.query<EntityRow>({ text: options.forUpdate ? BY_ID_FOR_UPDATE : BY_ID, values: [id], types: TIMESTAMPTZ_AS_TEXT });
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

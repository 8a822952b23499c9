import { and, sql, type SQL } from 'drizzle-orm';
import type { TimestamptzValue, Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { escapeLike, fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import type { Civility } from '../contacts/civility.js';
import { FOLDED_FULL_NAME, personCollection } from './persons.collection.js';
import { persons, type LegalBasis } from './persons.tables.js';

// Every query runs under the caller's RLS scope: rows of other branches are simply absent.

/** A person as stored: sensitive fields are still ciphertexts. */
export interface PersonRecord {
  id: string;
  entityId: string;
  civility: Civility | null;
  firstName: string | null;
  lastName: string;
  jobTitle: string | null;
  phone: string | null;
  personalPhoneEncrypted: string | null;
  sensitiveNoteEncrypted: string | null;
  legalBasis: LegalBasis;
  lastInteractionAt: Date | null;
  retentionFlaggedAt: Date | null;
  anonymizedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type StoredPersonFields = Pick<
  PersonRecord,
  'civility' | 'firstName' | 'lastName' | 'jobTitle' | 'phone' | 'personalPhoneEncrypted' | 'sensitiveNoteEncrypted' | 'legalBasis'
>;

export const PERSON_COLUMNS = `id, entity_id AS "entityId", civility, first_name AS "firstName", last_name AS "lastName",
  job_title AS "jobTitle", phone, personal_phone_encrypted AS "personalPhoneEncrypted",
  sensitive_note_encrypted AS "sensitiveNoteEncrypted", legal_basis AS "legalBasis", last_interaction_at AS "lastInteractionAt",
  retention_flagged_at AS "retentionFlaggedAt", anonymized_at AS "anonymizedAt", version, created_at AS "createdAt", updated_at AS "updatedAt"`;

const values = (fields: StoredPersonFields) => [
  fields.civility,
  fields.firstName,
  fields.lastName,
  fields.jobTitle,
  fields.phone,
  fields.personalPhoneEncrypted,
  fields.sensitiveNoteEncrypted,
  fields.legalBasis,
];

export async function insertPerson(tx: Tx, id: string, entityId: string, fields: StoredPersonFields): Promise<PersonRecord> {
  const { rows } = await tx.client.query<PersonRecord>(
    `INSERT INTO persons (id, entity_id, civility, first_name, last_name, job_title, phone, personal_phone_encrypted,
       sensitive_note_encrypted, legal_basis)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${PERSON_COLUMNS}`,
    [id, entityId, ...values(fields)],
  );
  return rows[0]!;
}

export async function findPersonById(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<PersonRecord | null> {
  const { rows } = await tx.client.query<PersonRecord>(`SELECT ${PERSON_COLUMNS} FROM persons WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  return rows[0] ?? null;
}

/** Writes the fields and bumps the version if it is still the expected one (null: no row updated). */
export async function updatePersonFields(tx: Tx, id: string, expectedVersion: number, fields: StoredPersonFields): Promise<PersonRecord | null> {
  const { rows } = await tx.client.query<PersonRecord>(
    `UPDATE persons SET civility = $3, first_name = $4, last_name = $5, job_title = $6, phone = $7, personal_phone_encrypted = $8,
       sensitive_note_encrypted = $9, legal_basis = $10, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${PERSON_COLUMNS}`,
    [id, expectedVersion, ...values(fields)],
  );
  return rows[0] ?? null;
}

export async function deletePersonRow(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.client.query('DELETE FROM persons WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}

/** Addresses of each person, primary first. */
export async function findEmailsOf(tx: Tx, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const emails = new Map<string, string[]>();
  if (personIds.length === 0) return emails;
  const { rows } = await tx.client.query<{ person_id: string; email: string }>(
    `SELECT person_id, email FROM person_emails WHERE person_id = ANY($1::uuid[]) ORDER BY person_id, is_primary DESC, email`,
    [personIds],
  );
  for (const row of rows) emails.set(row.person_id, [...(emails.get(row.person_id) ?? []), row.email]);
  return emails;
}

/** The first of these addresses already held by another person of the entity. */
export async function findEmailHolder(
  tx: Tx,
  entityId: string,
  emails: readonly string[],
  exceptPersonId: string | null,
): Promise<{ email: string; personId: string } | null> {
  if (emails.length === 0) return null;
  const { rows } = await tx.client.query<{ email: string; person_id: string }>(
    `SELECT email, person_id FROM person_emails WHERE entity_id = $1 AND email = ANY($2::text[]) AND person_id IS DISTINCT FROM $3 LIMIT 1`,
    [entityId, emails, exceptPersonId],
  );
  return rows[0] ? { email: rows[0].email, personId: rows[0].person_id } : null;
}

/** Replaces a person's addresses (the first becomes primary). */
export async function replaceEmails(tx: Tx, personId: string, entityId: string, emails: readonly string[], newIds: () => string): Promise<void> {
  await tx.client.query('DELETE FROM person_emails WHERE person_id = $1', [personId]);
  for (const [index, email] of emails.entries()) {
    await tx.client.query('INSERT INTO person_emails (id, entity_id, person_id, email, is_primary) VALUES ($1, $2, $3, $4, $5)', [
      newIds(),
      entityId,
      personId,
      email,
      index === 0,
    ]);
  }
}

/** The columns of a list page, with each person's addresses (primary first) read in the same query. */
const PAGE_COLUMNS = {
  id: persons.id,
  entityId: persons.entityId,
  civility: persons.civility,
  firstName: persons.firstName,
  lastName: persons.lastName,
  jobTitle: persons.jobTitle,
  phone: persons.phone,
  personalPhoneEncrypted: persons.personalPhoneEncrypted,
  sensitiveNoteEncrypted: persons.sensitiveNoteEncrypted,
  legalBasis: persons.legalBasis,
  lastInteractionAt: persons.lastInteractionAt,
  retentionFlaggedAt: persons.retentionFlaggedAt,
  anonymizedAt: persons.anonymizedAt,
  version: persons.version,
  createdAt: persons.createdAt,
  updatedAt: persons.updatedAt,
  // One round trip for the page and its addresses. The outer id is written qualified: Drizzle renders
  // a select-list column bare ("id"), which inside this subquery would be person_emails.id — an
  // uncorrelated condition that scanned every address once and answered no addresses at all.
  emails: sql<string[]>`(select coalesce(array_agg(e.email order by e.is_primary desc, e.email), '{}') from person_emails e where e.person_id = "persons"."id")`,
};

type PersonTimestamps = 'lastInteractionAt' | 'retentionFlaggedAt' | 'anonymizedAt' | 'createdAt' | 'updatedAt';

/** A person as the API's view reads it: timestamps as Dates, or as PostgreSQL's text where a read asked for it (pages). */
export type PersonReadRecord = Omit<PersonRecord, PersonTimestamps> & {
  lastInteractionAt: TimestamptzValue | null;
  retentionFlaggedAt: TimestamptzValue | null;
  anonymizedAt: TimestamptzValue | null;
  createdAt: TimestamptzValue;
  updatedAt: TimestamptzValue;
};

/** A person of a list page, timestamps as text, with their addresses (primary first) read in the same query. */
export type PersonPageRecord = PersonReadRecord & { emails: string[] };

/**
 * One page of the caller's contacts. `name` is matched word by word on the folded full name (trigram index),
 * `email` and `organizationId` through EXISTS on addresses and affiliations; RLS scopes all three.
 */
export async function fetchPersonPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<PersonPageRecord>> {
  const valueOf = (field: string) => query.filters.find((filter) => filter.field === field)?.value as string | undefined;
  const values: Record<string, unknown> = {};
  // Each word on its own, so that "hélène dupont" finds "Dupont Hélène" (the trigram index serves every LIKE).
  const words = (valueOf('name') ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  words.forEach((word, index) => (values[`word${index}`] = escapeLike(word)));
  const email = valueOf('email');
  if (email !== undefined) values['email'] = email.trim().toLowerCase();
  const organizationId = valueOf('organizationId');
  if (organizationId !== undefined) values['organizationId'] = organizationId;
  const plainQuery = { ...query, filters: query.filters.filter((filter) => !PERSON_CONDITION_FIELDS.has(filter.field)) };
  const condition = personCondition(words.length, email !== undefined, organizationId !== undefined);
  return fetchPage<PersonPageRecord>(tx, personCollection, plainQuery, {
    table: persons,
    columns: PAGE_COLUMNS,
    timestampsAsText: true,
    ...(condition ? { where: { ...condition, values } } : {}),
  });
}

const PERSON_CONDITION_FIELDS = new Set(['name', 'email', 'organizationId']);
/** The condition of each shape, built once (at most 6 × 2 × 2): placeholders only, no values. */
const personConditions = new Map<string, { sql: SQL; shape: string } | undefined>();

function personCondition(words: number, email: boolean, organization: boolean): { sql: SQL; shape: string } | undefined {
  const shape = `${words}|${email}|${organization}`;
  if (personConditions.has(shape)) return personConditions.get(shape);
  const conditions: SQL[] = [];
  for (let index = 0; index < words; index += 1) {
    conditions.push(sql`${FOLDED_FULL_NAME} like '%' || immutable_unaccent(lower(${sql.placeholder(`word${index}`)})) || '%'`);
  }
  if (email) conditions.push(sql`exists (select 1 from person_emails e where e.person_id = ${persons.id} and e.email = ${sql.placeholder('email')})`);
  if (organization) {
    conditions.push(sql`exists (select 1 from affiliations a where a.person_id = ${persons.id} and a.organization_id = ${sql.placeholder('organizationId')})`);
  }
  const sqlOfShape = and(...conditions);
  const condition = sqlOfShape && { sql: sqlOfShape, shape };
  personConditions.set(shape, condition);
  return condition;
}

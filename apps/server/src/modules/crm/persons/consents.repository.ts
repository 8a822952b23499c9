import type { Tx } from '../../../platform/db/index.js';
import type { ConsentChannel, ConsentStatus } from './persons.tables.js';
import type { Consent } from './persons.schema.js';

// Append-only: rows are inserted, never updated (erasure excepted: it clears the free-text proof).

interface ConsentRow {
  id: string;
  channel: ConsentChannel;
  status: ConsentStatus;
  source: string;
  proof: string | null;
  recorded_at: Date;
  recorded_by: string | null;
}

const COLUMNS = 'id, channel, status, source, proof, recorded_at, recorded_by';

function toConsent(row: ConsentRow): Consent {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    source: row.source,
    proof: row.proof,
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by,
  };
}

export interface NewConsent {
  entityId: string;
  personId: string;
  channel: ConsentChannel;
  status: ConsentStatus;
  source: string;
  proof: string | null;
  recordedBy: string | null;
}

export async function insertConsent(tx: Tx, id: string, consent: NewConsent): Promise<Consent> {
  // clock_timestamp(): two decisions in one transaction (erasure withdrawing several channels) stay ordered.
  const { rows } = await tx.client.query<ConsentRow>(
    `INSERT INTO person_consents (id, entity_id, person_id, channel, status, source, proof, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp(), $8) RETURNING ${COLUMNS}`,
    [id, consent.entityId, consent.personId, consent.channel, consent.status, consent.source, consent.proof, consent.recordedBy],
  );
  return toConsent(rows[0]!);
}

/** Every decision of a person, newest first. */
export async function findConsentHistory(tx: Tx, personId: string): Promise<Consent[]> {
  const { rows } = await tx.client.query<ConsentRow>(
    `SELECT ${COLUMNS} FROM person_consents WHERE person_id = $1 ORDER BY recorded_at DESC, id DESC`,
    [personId],
  );
  return rows.map(toConsent);
}

/** The channels whose latest decision is `granted`. */
export async function grantedChannels(tx: Tx, personId: string): Promise<ConsentChannel[]> {
  const { rows } = await tx.client.query<{ channel: ConsentChannel }>(
    `SELECT channel FROM (
       SELECT DISTINCT ON (channel) channel, status FROM person_consents WHERE person_id = $1 ORDER BY channel, recorded_at DESC, id DESC
     ) latest WHERE status = 'granted'`,
    [personId],
  );
  return rows.map((row) => row.channel);
}

/**
 * Among these persons, those who may NOT be contacted on the channel: their latest decision is
 * `withdrawn`, or they were erased. Persons never asked are not opted out: whether they may be
 * contacted then depends on the legal basis (see hasConsent for consent-only channels).
 */
export async function findOptedOut(tx: Tx, channel: ConsentChannel, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const { rows } = await tx.client.query<{ person_id: string }>(
    `SELECT p.id AS person_id FROM persons p
     WHERE p.id = ANY($2::uuid[]) AND (p.anonymized_at IS NOT NULL OR (
       SELECT c.status FROM person_consents c WHERE c.person_id = p.id AND c.channel = $1 ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1
     ) = 'withdrawn')`,
    [channel, personIds],
  );
  return new Set(rows.map((row) => row.person_id));
}

export async function clearConsentProofs(tx: Tx, personId: string): Promise<void> {
  await tx.client.query('UPDATE person_consents SET proof = NULL WHERE person_id = $1 AND proof IS NOT NULL', [personId]);
}

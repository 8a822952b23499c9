import { createHash } from 'node:crypto';
import type pg from 'pg';
import { withOwnerClient, type Database } from '../db/index.js';

/*
 * Tamper evidence: every sealed event carries chain_hash = sha256(previous hash + "\n" + canonical
 * row), with a contiguous chain_position. Why seal after the fact instead of hashing on insert:
 * a hash computed inside each business transaction needs the previous hash, i.e. a lock on the
 * chain head held until commit, which would serialise every audited write of the whole network.
 * Instead events are inserted unsealed (no contention) and one sealer, under an advisory lock,
 * links the committed ones in sealing order. The price is a window: an event is not protected
 * by the chain until the next sealing run (the bus job runs every minute; `audit:verify` seals
 * first), and an event whose transaction commits after a run joins the chain at the following
 * one, so chain order is sealing order, not strictly occurred_at order.
 *
 * The canonical form is computed here, in the application, from plain column values
 * (`changes::text` is PostgreSQL's deterministic jsonb output), so that verification does not
 * trust any function stored in the database an attacker could replace.
 */

const GENESIS_HASH = '0'.repeat(64);
// Any constant, shared by every process sealing this database.
const SEAL_LOCK_ID = 7_242_101;
const SEAL_BATCH = 1_000;
const VERIFY_BATCH = 5_000;

interface ChainRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  entity_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  changes: string | null;
  request_id: string | null;
  ip: string | null;
}

const CHAIN_COLUMNS = `id, occurred_at, actor_user_id, entity_id, action, resource_type, resource_id,
  changes::text AS changes, request_id, ip`;

export function linkHash(previousHash: string, position: number, row: ChainRow): string {
  const canonical = JSON.stringify([
    position,
    row.id,
    row.occurred_at.toISOString(),
    row.actor_user_id,
    row.entity_id,
    row.action,
    row.resource_type,
    row.resource_id,
    row.changes,
    row.request_id,
    row.ip,
  ]);
  return createHash('sha256').update(`${previousHash}\n${canonical}`, 'utf8').digest('hex');
}

/**
 * Links every committed unsealed event to the chain; returns how many were sealed. Runs as the
 * owner (the application role cannot update audit_events), in batches, each its own transaction.
 * Safe to call from several processes: the advisory lock makes them take turns.
 */
export async function sealAuditEvents(database: Database): Promise<number> {
  return withOwnerClient(database, async (client) => {
    let total = 0;
    for (;;) {
      const sealed = await sealBatch(client);
      total += sealed;
      if (sealed < SEAL_BATCH) return total;
    }
  });
}

async function sealBatch(client: pg.PoolClient): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEAL_LOCK_ID]);
    const head = await readHead(client);
    const { rows } = await client.query<ChainRow>(
      `SELECT ${CHAIN_COLUMNS} FROM audit_events WHERE chain_position IS NULL ORDER BY occurred_at, id LIMIT $1 FOR UPDATE`,
      [SEAL_BATCH],
    );
    if (rows.length === 0) {
      await client.query('COMMIT');
      return 0;
    }
    let position = head?.position ?? 0;
    let hash = head?.hash ?? GENESIS_HASH;
    const ids: string[] = [];
    const positions: number[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      position += 1;
      hash = linkHash(hash, position, row);
      ids.push(row.id);
      positions.push(position);
      hashes.push(hash);
    }
    await client.query(
      `UPDATE audit_events a SET chain_position = v.position, chain_hash = v.hash
       FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS v(id, position, hash) WHERE a.id = v.id`,
      [ids, positions, hashes],
    );
    await client.query(
      `INSERT INTO audit_chain_head (id, chain_position, chain_hash, sealed_at) VALUES (1, $1, $2, now())
       ON CONFLICT (id) DO UPDATE SET chain_position = excluded.chain_position, chain_hash = excluded.chain_hash, sealed_at = excluded.sealed_at`,
      [position, hash],
    );
    await client.query('COMMIT');
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function readHead(client: pg.PoolClient): Promise<{ position: number; hash: string } | null> {
  const { rows } = await client.query<{ chain_position: number; chain_hash: string }>(
    'SELECT chain_position, chain_hash FROM audit_chain_head WHERE id = 1',
  );
  return rows[0] ? { position: rows[0].chain_position, hash: rows[0].chain_hash } : null;
}

export type ChainVerification =
  | { intact: true; count: number; headHash: string }
  | { intact: false; count: number; brokenAt: number; reason: string };

/**
 * Recomputes the whole chain from the genesis in one consistent snapshot. `brokenAt` is the first
 * position that does not check out: a changed or reordered row (hash mismatch), a deleted one
 * (gap), or deleted newest rows (the chain ends before the recorded head).
 * Unsealed events are not checked: call sealAuditEvents first.
 */
export async function verifyAuditChain(database: Database): Promise<ChainVerification> {
  return withOwnerClient(database, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      return await walkChain(client);
    } finally {
      await client.query('ROLLBACK');
    }
  });
}

async function walkChain(client: pg.PoolClient): Promise<ChainVerification> {
  const head = await readHead(client);
  let expected = 1;
  let previous = GENESIS_HASH;
  for (;;) {
    const { rows } = await client.query<ChainRow & { chain_position: number; chain_hash: string }>(
      `SELECT ${CHAIN_COLUMNS}, chain_position, chain_hash FROM audit_events
       WHERE chain_position >= $1 ORDER BY chain_position LIMIT $2`,
      [expected, VERIFY_BATCH],
    );
    for (const row of rows) {
      const count = expected - 1;
      if (row.chain_position !== expected) {
        return { intact: false, count, brokenAt: expected, reason: `event at position ${expected} is missing` };
      }
      if (linkHash(previous, expected, row) !== row.chain_hash) {
        return { intact: false, count, brokenAt: expected, reason: `event ${row.id} at position ${expected} does not match its hash` };
      }
      previous = row.chain_hash;
      expected += 1;
    }
    if (rows.length < VERIFY_BATCH) break;
  }
  const count = expected - 1;
  const headPosition = head?.position ?? 0;
  if (headPosition > count) {
    return { intact: false, count, brokenAt: expected, reason: `the chain ends at position ${count} but its recorded head is at ${headPosition}` };
  }
  if (headPosition < count) {
    return { intact: false, count, brokenAt: headPosition + 1, reason: `events beyond the recorded head (${headPosition}) were not sealed by the sealer` };
  }
  if (head !== null && head.hash !== previous) {
    return { intact: false, count, brokenAt: count, reason: `the last event does not match the recorded head hash` };
  }
  return { intact: true, count, headHash: previous };
}

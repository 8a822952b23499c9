import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgPolicy, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entityAmongScope, entityInScope } from '../tenancy/tenant-policy.js';

// True when the transaction's scope roots include the national entity: network-wide events
// (entity_id null: logins, exports across the network) are for national auditors only.
const scopeIncludesNational = `EXISTS (SELECT 1 FROM entities e WHERE e.kind = 'national' AND e.id = ANY (app_scope_roots()))`;

/**
 * The audit trail: append-only for the application role (UPDATE/DELETE/TRUNCATE revoked, see the
 * audit_trail_guard migration) and tamper-evident through a hash chain that the sealer adds
 * after the fact (chain_position/chain_hash null until sealed, see audit-chain.ts).
 * No foreign keys: the trail outlives the users and entities it mentions.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    // Millisecond precision so that a value read into a JS Date round-trips exactly (keyset cursors, hashing).
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    entityId: uuid('entity_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    changes: jsonb('changes'),
    requestId: text('request_id'),
    ip: text('ip'),
    chainPosition: bigint('chain_position', { mode: 'number' }),
    chainHash: text('chain_hash'),
  },
  (table) => [
    index('audit_events_occurred_at_idx').on(table.occurredAt.desc(), table.id.desc()),
    index('audit_events_entity_id_idx').on(table.entityId, table.occurredAt.desc()),
    index('audit_events_resource_idx').on(table.resourceType, table.resourceId),
    index('audit_events_actor_idx').on(table.actorUserId),
    uniqueIndex('audit_events_chain_position_idx').on(table.chainPosition),
    index('audit_events_unsealed_idx').on(table.occurredAt, table.id).where(sql`chain_position IS NULL`),
    check('audit_events_action_format', sql`${table.action} ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'`),
    check('audit_events_sealed_together', sql`(${table.chainPosition} IS NULL) = (${table.chainHash} IS NULL)`),
    pgPolicy('audit_events_read', {
      as: 'permissive',
      for: 'select',
      to: 'maillage_app',
      using: sql.raw(`app_scope_is_system() OR (entity_id IS NULL AND ${scopeIncludesNational}) OR ${entityInScope('entity_id')}`),
    }),
    // Any transaction may record an event about an entity it acts on, or a network-wide one.
    pgPolicy('audit_events_append', {
      as: 'permissive',
      for: 'insert',
      to: 'maillage_app',
      withCheck: sql.raw(`app_scope_is_system() OR entity_id IS NULL OR ${entityAmongScope('entity_id')}`),
    }),
  ],
).enableRLS();

/**
 * The last sealed link (one row): anchors the end of the chain so that deleting the newest sealed
 * events shows as a gap. The application role has no access to it; only the sealer function writes it.
 */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: smallint('id').primaryKey().default(1),
    chainPosition: bigint('chain_position', { mode: 'number' }).notNull(),
    chainHash: text('chain_hash').notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('audit_chain_head_single_row', sql`${table.id} = 1`)],
);

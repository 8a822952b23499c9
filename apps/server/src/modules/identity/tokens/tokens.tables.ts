import { sql } from 'drizzle-orm';
import { index, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.tables.js';

const ownRows = sql`app_scope_is_system() OR user_id::text = current_setting('app.user_id', true)`;

/**
 * Personal access tokens for integrations (`Authorization: Bearer mlg_…`). The secret is shown once;
 * only its sha256 is kept. Effective permissions are `permissions` ∩ the owner's current grants.
 */
export const personalAccessTokens = pgTable(
  'personal_access_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, so that its owner can recognise it in a list. */
    prefix: text('prefix').notNull(),
    permissions: text('permissions').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('personal_access_tokens_user_id_idx').on(table.userId),
    pgPolicy('personal_access_tokens_own_rows', { as: 'permissive', for: 'all', to: 'maillage_app', using: ownRows, withCheck: ownRows }),
  ],
).enableRLS();

import { sql } from 'drizzle-orm';
import { index, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.tables.js';

// The auth layer reads sessions in a system scope; a user acting for themselves sees only theirs.
const ownRows = sql`app_scope_is_system() OR user_id::text = current_setting('app.user_id', true)`;

/** Browser sessions. Only the sha256 of the cookie value is stored: a database leak yields no usable session. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('sessions_user_id_idx').on(table.userId),
    index('sessions_expires_at_idx').on(table.expiresAt),
    pgPolicy('sessions_own_rows', { as: 'permissive', for: 'all', to: 'maillage_app', using: ownRows, withCheck: ownRows }),
  ],
).enableRLS();

import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { entityInScope } from '../../../platform/tenancy/tenant-policy.js';

export const USER_STATUSES = ['active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

// Admins see users homed in their subtrees; anyone sees their own row (self-service: MFA, password).
const visible = sql.raw(`app_scope_is_system() OR ${entityInScope('home_entity_id')} OR id::text = current_setting('app.user_id', true)`);

/** Staff accounts. `home_entity_id` is the tenant column: where the account is administered. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** A temporary password was issued by an administrator: the user should choose a new one. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    status: text('status', { enum: USER_STATUSES }).notNull().default('active'),
    homeEntityId: uuid('home_entity_id')
      .notNull()
      .references(() => entities.id),
    /** TOTP secret encrypted with FieldCipher; set at enrolment, trusted once `totp_enabled_at` is set. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** Last accepted TOTP time step: a code is never accepted twice (replay). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** sha256 of the unused recovery codes; one is removed when used. */
    recoveryCodeHashes: text('recovery_code_hashes').array().notNull().default(sql`'{}'::text[]`),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('users_home_entity_id_idx').on(table.homeEntityId),
    check('users_email_lower_case', sql`${table.email} = lower(${table.email})`),
    pgPolicy('users_tenant_isolation', { as: 'permissive', for: 'all', to: 'maillage_app', using: visible, withCheck: visible }),
  ],
).enableRLS();

import type { Tx } from '../../../platform/db/index.js';
import type { UserStatus } from './users.tables.js';

/** A user as administrators and the user see it (no credentials). */
export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  status: UserStatus;
  homeEntityId: string;
  mfaEnabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What the login needs on top: credentials and lockout state. */
export interface UserCredentials extends UserRecord {
  passwordHash: string;
  totpSecret: string | null;
  totpLastStep: number | null;
  failedLoginCount: number;
  lockedUntil: Date | null;
}

const RECORD_COLUMNS = `id, email, display_name AS "displayName", status, home_entity_id AS "homeEntityId",
  totp_enabled_at IS NOT NULL AS "mfaEnabled", must_change_password AS "mustChangePassword", last_login_at AS "lastLoginAt",
  version, created_at AS "createdAt", updated_at AS "updatedAt"`;

const CREDENTIAL_COLUMNS = `${RECORD_COLUMNS}, password_hash AS "passwordHash", totp_secret AS "totpSecret",
  totp_last_step AS "totpLastStep", failed_login_count AS "failedLoginCount", locked_until AS "lockedUntil"`;

export async function findUserById(tx: Tx, id: string): Promise<UserRecord | null> {
  const { rows } = await tx.client.query<UserRecord>(`SELECT ${RECORD_COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function findCredentialsByEmail(tx: Tx, email: string): Promise<UserCredentials | null> {
  const { rows } = await tx.client.query<UserCredentials>(`SELECT ${CREDENTIAL_COLUMNS} FROM users WHERE email = $1`, [email]);
  return rows[0] ?? null;
}

export async function findCredentialsById(tx: Tx, id: string): Promise<UserCredentials | null> {
  const { rows } = await tx.client.query<UserCredentials>(`SELECT ${CREDENTIAL_COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export interface UserListQuery {
  limit: number;
  /** Keyset: ids after this one (UUIDv7, so roughly creation order). */
  after: string | undefined;
  status: UserStatus | undefined;
  /** Case-insensitive fragment of the email or display name. */
  search: string | undefined;
  /** Users homed in this entity or one of its descendants. */
  entityId?: string | undefined;
}

/** RLS limits the rows to the users homed in the transaction's scope. */
export async function listUsers(tx: Tx, query: UserListQuery): Promise<UserRecord[]> {
  const { rows } = await tx.client.query<UserRecord>(
    `SELECT ${RECORD_COLUMNS} FROM users
     WHERE ($1::uuid IS NULL OR id > $1) AND ($2::text IS NULL OR status = $2)
       AND ($3::text IS NULL OR email ILIKE '%' || $3 || '%' OR display_name ILIKE '%' || $3 || '%')
       AND ($5::uuid IS NULL OR home_entity_id IN (SELECT descendant_id FROM entity_tree_paths WHERE ancestor_id = $5))
     ORDER BY id LIMIT $4`,
    [query.after ?? null, query.status ?? null, query.search?.replace(/[\\%_]/g, '\\$&') ?? null, query.limit, query.entityId ?? null],
  );
  return rows;
}

export interface NewUser {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  homeEntityId: string;
  mustChangePassword: boolean;
}

export async function insertUser(tx: Tx, user: NewUser): Promise<UserRecord> {
  const { rows } = await tx.client.query<UserRecord>(
    `INSERT INTO users (id, email, display_name, password_hash, home_entity_id, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${RECORD_COLUMNS}`,
    [user.id, user.email, user.displayName, user.passwordHash, user.homeEntityId, user.mustChangePassword],
  );
  return rows[0]!;
}

export interface UserPatch {
  displayName?: string | undefined;
  status?: UserStatus | undefined;
  homeEntityId?: string | undefined;
}

/** null when the version no longer matches (or the row is out of scope). */
export async function updateUser(tx: Tx, id: string, version: number, patch: UserPatch): Promise<UserRecord | null> {
  const { rows } = await tx.client.query<UserRecord>(
    `UPDATE users SET display_name = coalesce($3, display_name), status = coalesce($4, status),
       home_entity_id = coalesce($5, home_entity_id), version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${RECORD_COLUMNS}`,
    [id, version, patch.displayName ?? null, patch.status ?? null, patch.homeEntityId ?? null],
  );
  return rows[0] ?? null;
}

/**
 * Counts a failure; the `maxFailures`-th consecutive one locks the account and restarts the count.
 * Returns the lock end when this failure locked it.
 */
export async function recordFailedLogin(tx: Tx, id: string, maxFailures: number, lockMinutes: number): Promise<Date | null> {
  const { rows } = await tx.client.query<{ lockedUntil: Date | null }>(
    `UPDATE users SET
       locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END,
       failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END
     WHERE id = $1 RETURNING CASE WHEN failed_login_count = 0 THEN locked_until END AS "lockedUntil"`,
    [id, maxFailures, lockMinutes],
  );
  return rows[0]?.lockedUntil ?? null;
}

export async function recordSuccessfulLogin(tx: Tx, id: string): Promise<void> {
  await tx.client.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = now() WHERE id = $1`, [id]);
}

export async function updatePasswordHash(tx: Tx, id: string, passwordHash: string, mustChange: boolean): Promise<void> {
  await tx.client.query(
    `UPDATE users SET password_hash = $2, must_change_password = $3, password_changed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
    [id, passwordHash, mustChange],
  );
}

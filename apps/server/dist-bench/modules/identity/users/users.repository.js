const RECORD_COLUMNS = `id, email, display_name AS "displayName", status, home_entity_id AS "homeEntityId",
  totp_enabled_at IS NOT NULL AS "mfaEnabled", must_change_password AS "mustChangePassword", last_login_at AS "lastLoginAt",
  version, created_at AS "createdAt", updated_at AS "updatedAt"`;
const CREDENTIAL_COLUMNS = `${RECORD_COLUMNS}, password_hash AS "passwordHash", totp_secret AS "totpSecret",
  totp_last_step AS "totpLastStep", failed_login_count AS "failedLoginCount", locked_until AS "lockedUntil"`;
export async function findUserById(tx, id) {
    const { rows } = await tx.client.query(`SELECT ${RECORD_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] ?? null;
}
export async function findCredentialsByEmail(tx, email) {
    const { rows } = await tx.client.query(`SELECT ${CREDENTIAL_COLUMNS} FROM users WHERE email = $1`, [email]);
    return rows[0] ?? null;
}
export async function findCredentialsById(tx, id) {
    const { rows } = await tx.client.query(`SELECT ${CREDENTIAL_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] ?? null;
}
/** RLS limits the rows to the users homed in the transaction's scope. */
export async function listUsers(tx, query) {
    const { rows } = await tx.client.query(`SELECT ${RECORD_COLUMNS} FROM users
     WHERE ($1::uuid IS NULL OR id > $1) AND ($2::text IS NULL OR status = $2)
       AND ($3::text IS NULL OR email ILIKE '%' || $3 || '%' OR display_name ILIKE '%' || $3 || '%')
     ORDER BY id LIMIT $4`, [query.after ?? null, query.status ?? null, query.search?.replace(/[\\%_]/g, '\\$&') ?? null, query.limit]);
    return rows;
}
export async function insertUser(tx, user) {
    const { rows } = await tx.client.query(`INSERT INTO users (id, email, display_name, password_hash, home_entity_id, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${RECORD_COLUMNS}`, [user.id, user.email, user.displayName, user.passwordHash, user.homeEntityId, user.mustChangePassword]);
    return rows[0];
}
/** null when the version no longer matches (or the row is out of scope). */
export async function updateUser(tx, id, version, patch) {
    const { rows } = await tx.client.query(`UPDATE users SET display_name = coalesce($3, display_name), status = coalesce($4, status),
       home_entity_id = coalesce($5, home_entity_id), version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${RECORD_COLUMNS}`, [id, version, patch.displayName ?? null, patch.status ?? null, patch.homeEntityId ?? null]);
    return rows[0] ?? null;
}
/**
 * Counts a failure; the `maxFailures`-th consecutive one locks the account and restarts the count.
 * Returns the lock end when this failure locked it.
 */
export async function recordFailedLogin(tx, id, maxFailures, lockMinutes) {
    const { rows } = await tx.client.query(`UPDATE users SET
       locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END,
       failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END
     WHERE id = $1 RETURNING CASE WHEN failed_login_count = 0 THEN locked_until END AS "lockedUntil"`, [id, maxFailures, lockMinutes]);
    return rows[0]?.lockedUntil ?? null;
}
export async function recordSuccessfulLogin(tx, id) {
    await tx.client.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = now() WHERE id = $1`, [id]);
}
export async function updatePasswordHash(tx, id, passwordHash, mustChange) {
    await tx.client.query(`UPDATE users SET password_hash = $2, must_change_password = $3, password_changed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [id, passwordHash, mustChange]);
}
//# sourceMappingURL=users.repository.js.map
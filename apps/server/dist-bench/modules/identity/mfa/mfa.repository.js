export async function storePendingTotpSecret(tx, userId, encryptedSecret) {
    await tx.client.query(`UPDATE users SET totp_secret = $2, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1`, [userId, encryptedSecret]);
}
export async function enableTotp(tx, userId, lastStep, recoveryCodeHashes) {
    await tx.client.query(`UPDATE users SET totp_enabled_at = now(), totp_last_step = $2, recovery_code_hashes = $3, version = version + 1, updated_at = now() WHERE id = $1`, [userId, lastStep, recoveryCodeHashes]);
}
/** Records the accepted time step; false when an equal or later step was already used (replay). */
export async function advanceTotpStep(tx, userId, step) {
    const { rowCount } = await tx.client.query(`UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`, [userId, step]);
    return rowCount === 1;
}
/** Removes the recovery code atomically: true only for the one request that used it. */
export async function consumeRecoveryCode(tx, userId, codeHash) {
    const { rowCount } = await tx.client.query(`UPDATE users SET recovery_code_hashes = array_remove(recovery_code_hashes, $2) WHERE id = $1 AND $2 = ANY (recovery_code_hashes)`, [userId, codeHash]);
    return rowCount === 1;
}
export async function resetMfa(tx, userId) {
    const { rowCount } = await tx.client.query(`UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, recovery_code_hashes = '{}',
       version = version + 1, updated_at = now() WHERE id = $1`, [userId]);
    return rowCount === 1;
}
//# sourceMappingURL=mfa.repository.js.map
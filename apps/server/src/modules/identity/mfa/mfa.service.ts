import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { withTransaction } from '../../../platform/db/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.js';
import type { IdentityContext } from '../context/identity-context.js';
import { findCredentialsById, type UserCredentials } from '../users/users.repository.js';
import { enableTotp, storePendingTotpSecret } from './mfa.repository.js';
import { newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUri, verifyTotp } from './totp.js';

// Self-service on one's own row; system scope so that the audit event can name the home entity.
const SYSTEM = { kind: 'system' } as const;

/** Starts (or restarts) enrolment: the secret is kept encrypted and trusted only after activation. */
export async function enrolTotp(context: IdentityContext, principal: Principal, actor: AuditActor): Promise<{ secret: string; otpauthUri: string }> {
  const secret = newTotpSecret();
  await withTransaction(context.database, SYSTEM, async (tx) => {
    const user = await ownCredentials(tx, principal);
    if (user.mfaEnabled) throw new ConflictError('Two-factor authentication is already active. Ask an administrator to reset it first.', 'mfa_already_enabled');
    await storePendingTotpSecret(tx, user.id, context.cipher.encrypt(secret));
    await recordAudit(tx, { action: 'identity.user.mfa_enrolment_started', resourceType: 'user', resourceId: user.id, entityId: user.homeEntityId, actor });
  });
  return { secret, otpauthUri: totpUri(secret, principal.email) };
}

/** Proves the authenticator works, turns MFA on and returns the recovery codes (shown once). */
export async function activateTotp(context: IdentityContext, principal: Principal, actor: AuditActor, code: string): Promise<string[]> {
  const user = await withTransaction(context.database, SYSTEM, (tx) => ownCredentials(tx, principal), { readOnly: true });
  if (user.mfaEnabled) throw new ConflictError('Two-factor authentication is already active.', 'mfa_already_enabled');
  if (!user.totpSecret) throw new ConflictError('Start the enrolment first (POST /api/v1/auth/mfa/totp/enrol).', 'mfa_not_enrolled');
  const step = await verifyTotp(context.cipher.decrypt(user.totpSecret), code.trim(), null);
  if (step === null) throw new ValidationError([{ pointer: '/code', message: 'Code incorrect ou expiré : saisissez le code affiché en ce moment par votre application.' }]);
  const recoveryCodes = newRecoveryCodes();
  await withTransaction(context.database, SYSTEM, async (tx) => {
    await enableTotp(tx, user.id, step, recoveryCodes.map(recoveryCodeHash));
    await recordAudit(tx, { action: 'identity.user.mfa_enabled', resourceType: 'user', resourceId: user.id, entityId: user.homeEntityId, actor });
  });
  return recoveryCodes;
}

async function ownCredentials(tx: Parameters<typeof findCredentialsById>[0], principal: Principal): Promise<UserCredentials> {
  const user = await findCredentialsById(tx, principal.userId);
  if (!user) throw new NotFoundError('User');
  return user;
}

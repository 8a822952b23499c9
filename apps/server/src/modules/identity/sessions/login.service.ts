import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import { newId, withTransaction, type DbScope } from '../../../platform/db/index.js';
import { TooManyRequestsError, UnauthenticatedError } from '../../../platform/http/errors.js';
import { randomSecret, sha256Hex } from '../access/secrets.js';
import type { IdentityContext } from '../context/identity-context.js';
import { advanceTotpStep, consumeRecoveryCode } from '../mfa/mfa.repository.js';
import { looksLikeRecoveryCode, recoveryCodeHash, verifyTotp } from '../mfa/totp.js';
import { burnPasswordVerification, verifyPassword } from '../users/passwords.js';
import { findCredentialsByEmail, findUserById, recordFailedLogin, recordSuccessfulLogin, type UserCredentials, type UserRecord } from '../users/users.repository.js';
import { deleteSessionByTokenHash, insertSession } from './sessions.repository.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

// Sign-in happens before anyone is known: it reads and writes credentials for the whole network.
const SYSTEM: DbScope = { kind: 'system' };

export interface LoginInput {
  email: string;
  password: string;
  totp: string | undefined;
  ip: string;
  userAgent: string | undefined;
  requestId: string;
}

export interface LoginResult {
  user: UserRecord;
  sessionToken: string;
  csrfToken: string;
}

export async function login(context: IdentityContext, input: LoginInput): Promise<LoginResult> {
  const wait = context.loginLimiter.hit(input.ip);
  if (wait > 0) throw new TooManyRequestsError('Too many sign-in attempts from your network. Wait a minute and try again.', wait, 'rate_limited');
  const anonymous: AuditActor = { userId: null, requestId: input.requestId, ip: input.ip };

  const email = input.email.trim().toLowerCase();
  const user = await withTransaction(context.database, SYSTEM, (tx) => findCredentialsByEmail(tx, email), { readOnly: true });
  if (!user) {
    await burnPasswordVerification(input.password);
    await withTransaction(context.database, SYSTEM, (tx) =>
      recordAudit(tx, { action: 'identity.login.failed', resourceType: 'user', resourceId: null, entityId: null, actor: anonymous }),
    );
    throw invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw accountLocked(user.lockedUntil);

  // Verified outside any transaction: argon2 takes tens of milliseconds and must not hold a connection.
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    return failLogin(context, user, anonymous, 'password');
  }
  if (user.status !== 'active') {
    throw new UnauthenticatedError('This account has been deactivated. Contact your administrator.', 'account_deactivated');
  }
  if (user.mfaEnabled) {
    if (!input.totp) throw new UnauthenticatedError('Enter the code from your authenticator app, or a recovery code.', 'mfa_required');
    if (!(await acceptSecondFactor(context, user, input.totp))) return failLogin(context, user, anonymous, 'mfa');
  }

  const sessionToken = randomSecret();
  const csrfToken = randomSecret();
  const actor: AuditActor = { ...anonymous, userId: user.id };
  await withTransaction(context.database, SYSTEM, async (tx) => {
    await recordSuccessfulLogin(tx, user.id);
    await insertSession(tx, {
      id: newId(),
      userId: user.id,
      tokenHash: sha256Hex(sessionToken),
      csrfToken,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      ttlMinutes: context.config.sessionTtlMinutes,
    });
    await recordAudit(tx, { action: 'identity.login.succeeded', resourceType: 'user', resourceId: user.id, entityId: user.homeEntityId, actor });
  });
  return { user, sessionToken, csrfToken };
}

export async function logout(context: IdentityContext, sessionToken: string, actor: AuditActor): Promise<void> {
  await withTransaction(context.database, SYSTEM, async (tx) => {
    await deleteSessionByTokenHash(tx, sha256Hex(sessionToken));
    if (!actor.userId) return;
    const userId = actor.userId;
    tx.afterCommit(() => context.access.invalidateUser(userId));
    const user = await findUserById(tx, actor.userId);
    await recordAudit(tx, { action: 'identity.logout', resourceType: 'user', resourceId: actor.userId, entityId: user?.homeEntityId ?? null, actor });
  });
}

/** A TOTP code (never twice the same time step) or an unused recovery code, consumed atomically. */
async function acceptSecondFactor(context: IdentityContext, user: UserCredentials, code: string): Promise<boolean> {
  if (looksLikeRecoveryCode(code)) {
    return withTransaction(context.database, SYSTEM, (tx) => consumeRecoveryCode(tx, user.id, recoveryCodeHash(code)));
  }
  if (!user.totpSecret) return false;
  const step = await verifyTotp(context.cipher.decrypt(user.totpSecret), code.trim(), user.totpLastStep);
  if (step === null) return false;
  return withTransaction(context.database, SYSTEM, (tx) => advanceTotpStep(tx, user.id, step));
}

async function failLogin(context: IdentityContext, user: UserCredentials, actor: AuditActor, factor: 'password' | 'mfa'): Promise<never> {
  const lockedUntil = await withTransaction(context.database, SYSTEM, async (tx) => {
    const locked = await recordFailedLogin(tx, user.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
    await recordAudit(tx, {
      action: locked ? 'identity.login.locked' : 'identity.login.failed',
      resourceType: 'user',
      resourceId: user.id,
      entityId: user.homeEntityId,
      actor,
    });
    return locked;
  });
  if (lockedUntil) throw accountLocked(lockedUntil);
  if (factor === 'mfa') throw new UnauthenticatedError('The verification code is wrong or was already used.', 'invalid_mfa_code');
  throw invalidCredentials();
}

function invalidCredentials(): UnauthenticatedError {
  return new UnauthenticatedError('The email or password is incorrect.', 'invalid_credentials');
}

function accountLocked(until: Date): TooManyRequestsError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new TooManyRequestsError(
    `This account is locked after ${MAX_FAILED_LOGINS} failed sign-in attempts. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}, or ask your administrator.`,
    seconds,
    'account_locked',
  );
}

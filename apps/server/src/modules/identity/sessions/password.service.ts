import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import { withTransaction } from '../../../platform/db/index.js';
import { ValidationError } from '../../../platform/http/errors.js';
import { sha256Hex } from '../access/secrets.js';
import type { IdentityContext } from '../context/identity-context.js';
import { assertPasswordPolicy, hashPassword, verifyPassword } from '../users/passwords.js';
import { findCredentialsById, updatePasswordHash } from '../users/users.repository.js';
import { deleteOtherSessions } from './sessions.repository.js';

/** The user changes their own password; every other session of theirs ends. */
export async function changeOwnPassword(
  context: IdentityContext,
  actor: AuditActor & { userId: string },
  currentSessionToken: string | undefined,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  assertPasswordPolicy(newPassword, '/newPassword');
  const self = { kind: 'entities' as const, entityRoots: [], userId: actor.userId };
  const user = await withTransaction(context.database, self, (tx) => findCredentialsById(tx, actor.userId), { readOnly: true });
  // A field error, not a 401: the session is valid, and a 401 would sign the user out of the form they are filling in.
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new ValidationError([{ pointer: '/currentPassword', message: 'Le mot de passe actuel est incorrect.' }], 'The current password is incorrect.');
  }
  const passwordHash = await hashPassword(newPassword);
  // System scope for the write: the audit event belongs to the user's home entity, outside a self scope.
  await withTransaction(context.database, { kind: 'system' }, async (tx) => {
    await updatePasswordHash(tx, actor.userId, passwordHash, false);
    await deleteOtherSessions(tx, actor.userId, sha256Hex(currentSessionToken ?? ''));
    tx.afterCommit(() => context.access.invalidateUser(actor.userId));
    await recordAudit(tx, { action: 'identity.user.password_changed', resourceType: 'user', resourceId: actor.userId, entityId: user.homeEntityId, actor });
  });
}

import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import { ACCESS_TOKEN_PREFIX, isKnownPermission, type Principal } from '../../../platform/auth/index.js';
import { newId, withTransaction } from '../../../platform/db/index.js';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.js';
import { randomSecret, sha256Hex } from '../access/secrets.js';
import type { IdentityContext } from '../context/identity-context.js';
import { findUserById } from '../users/users.repository.js';
import { insertToken, listTokensOfUser, revokeToken, type TokenRecord } from './tokens.repository.js';

export const MAX_TOKEN_LIFETIME_DAYS = 366;

// A user manages only their own tokens: no entity roots, the RLS policy matches on user_id.
const selfScope = (principal: Principal) => ({ kind: 'entities' as const, entityRoots: [], userId: principal.userId });

export async function createToken(
  context: IdentityContext,
  principal: Principal,
  actor: AuditActor,
  input: { name: string; permissions: string[]; expiresAt: string },
): Promise<{ token: string; record: TokenRecord }> {
  const expiresAt = new Date(input.expiresAt);
  const errors = input.permissions
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => !isKnownPermission(name))
    .map(({ name, index }) => ({ pointer: `/permissions/${index}`, message: `Unknown permission "${name}".` }));
  if (!(expiresAt.getTime() > Date.now())) errors.push({ pointer: '/expiresAt', message: 'The expiry must be in the future.' });
  if (expiresAt.getTime() > Date.now() + MAX_TOKEN_LIFETIME_DAYS * 86_400_000) {
    errors.push({ pointer: '/expiresAt', message: `A token may live at most ${MAX_TOKEN_LIFETIME_DAYS} days.` });
  }
  if (errors.length > 0) throw new ValidationError(errors);

  const token = `${ACCESS_TOKEN_PREFIX}${randomSecret()}`;
  const record = await withTransaction(context.database, { kind: 'system' }, async (tx) => {
    const owner = await findUserById(tx, principal.userId);
    const created = await insertToken(tx, {
      id: newId(),
      userId: principal.userId,
      name: input.name.trim(),
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, ACCESS_TOKEN_PREFIX.length + 6),
      permissions: [...new Set(input.permissions)].sort(),
      expiresAt,
    });
    await recordAudit(tx, {
      action: 'identity.token.created',
      resourceType: 'personal_access_token',
      resourceId: created.id,
      entityId: owner?.homeEntityId ?? null,
      after: { name: created.name, permissions: created.permissions, expiresAt: created.expiresAt },
      actor,
    });
    return created;
  });
  return { token, record };
}

export function listTokens(context: IdentityContext, principal: Principal): Promise<TokenRecord[]> {
  return withTransaction(context.database, selfScope(principal), (tx) => listTokensOfUser(tx, principal.userId), { readOnly: true });
}

export async function revokeOwnToken(context: IdentityContext, principal: Principal, actor: AuditActor, id: string): Promise<void> {
  // System scope: the audit event belongs to the owner's home entity, outside a self scope.
  await withTransaction(context.database, { kind: 'system' }, async (tx) => {
    const revoked = await revokeToken(tx, principal.userId, id);
    if (!revoked) throw new NotFoundError('Personal access token');
    tx.afterCommit(() => context.access.invalidateUser(principal.userId));
    const owner = await findUserById(tx, principal.userId);
    await recordAudit(tx, {
      action: 'identity.token.revoked',
      resourceType: 'personal_access_token',
      resourceId: id,
      entityId: owner?.homeEntityId ?? null,
      actor,
    });
  });
}

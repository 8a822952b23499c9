import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import { PLATFORM_PERMISSIONS, type Principal } from '../../../platform/auth/index.js';
import { newId, withTransaction } from '../../../platform/db/index.js';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../../../platform/http/errors.js';
import { scopeOf } from '../access/scope.js';
import type { IdentityContext } from '../context/identity-context.js';
import { resetMfa } from '../mfa/mfa.repository.js';
import { deleteSessionsOfUser } from '../sessions/sessions.repository.js';
import { revokeTokensOfUser } from '../tokens/tokens.repository.js';
import { assertPasswordPolicy, hashPassword, temporaryPassword } from './passwords.js';
import { findUserById, insertUser, listUsers, updateUser, type UserListQuery, type UserPatch, type UserRecord } from './users.repository.js';

const { usersRead, usersManage } = PLATFORM_PERMISSIONS;

export async function searchUsers(context: IdentityContext, principal: Principal, query: UserListQuery): Promise<{ items: UserRecord[]; nextCursor: string | null }> {
  const rows = await withTransaction(context.database, scopeOf(principal, usersRead), (tx) => listUsers(tx, { ...query, limit: query.limit + 1 }), { readOnly: true });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1]!.id) : null };
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
}

function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export async function getUser(context: IdentityContext, principal: Principal, id: string): Promise<UserRecord> {
  const user = await withTransaction(context.database, scopeOf(principal, usersRead), (tx) => findUserById(tx, id), { readOnly: true });
  if (!user) throw new NotFoundError('User');
  return user;
}

export interface CreateUserInput {
  email: string;
  displayName: string;
  homeEntityId: string;
  password?: string | undefined;
}

export async function createUser(
  context: IdentityContext,
  principal: Principal,
  actor: AuditActor,
  input: CreateUserInput,
): Promise<{ user: UserRecord; temporaryPassword?: string }> {
  if (!principal.holdsOn(usersManage, input.homeEntityId)) throw new NotFoundError('Entity');
  if (input.password !== undefined) assertPasswordPolicy(input.password);
  const issued = input.password === undefined ? temporaryPassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? issued!);
  const user = await withTransaction(context.database, scopeOf(principal, usersManage), async (tx) => {
    const created = await insertUser(tx, {
      id: newId(),
      email: input.email.trim().toLowerCase(),
      displayName: input.displayName.trim(),
      passwordHash,
      homeEntityId: input.homeEntityId,
      mustChangePassword: issued !== undefined,
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code === '23505') throw new ConflictError('An account already uses this email address.', 'email_taken');
      throw error;
    });
    await recordAudit(tx, { action: 'identity.user.created', resourceType: 'user', resourceId: created.id, entityId: created.homeEntityId, after: auditView(created), actor });
    return created;
  });
  return issued === undefined ? { user } : { user, temporaryPassword: issued };
}

export async function changeUser(
  context: IdentityContext,
  principal: Principal,
  actor: AuditActor,
  id: string,
  /** From If-Match; null for `*` (any version). */
  version: number | null,
  patch: UserPatch,
): Promise<UserRecord> {
  if (patch.homeEntityId !== undefined && !principal.holdsOn(usersManage, patch.homeEntityId)) throw new NotFoundError('Entity');
  if (id === principal.userId && patch.status === 'deactivated') {
    throw new ConflictError('You cannot deactivate your own account; ask another administrator.', 'cannot_deactivate_self');
  }
  const { before, after } = await withTransaction(context.database, scopeOf(principal, usersManage), async (tx) => {
    const found = await findUserById(tx, id);
    if (!found) throw new NotFoundError('User');
    const updated = await updateUser(tx, id, version ?? found.version, patch);
    if (!updated) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: 'identity.user.updated',
      resourceType: 'user',
      resourceId: id,
      entityId: updated.homeEntityId,
      before: auditView(found),
      after: auditView(updated),
      actor,
    });
    return { before: found, after: updated };
  });
  if (before.status === 'active' && after.status === 'deactivated') {
    // Sessions and tokens belong to their user (RLS): ending another user's is a system action.
    // (Requests are refused from the commit on anyway: every credential lookup checks the status.)
    await withTransaction(context.database, { kind: 'system' }, async (tx) => {
      await deleteSessionsOfUser(tx, id);
      await revokeTokensOfUser(tx, id);
    });
  }
  context.access.invalidateUser(id);
  return after;
}

export async function resetUserMfa(context: IdentityContext, principal: Principal, actor: AuditActor, id: string): Promise<void> {
  await withTransaction(context.database, scopeOf(principal, usersManage), async (tx) => {
    const user = await findUserById(tx, id);
    if (!user || !(await resetMfa(tx, id))) throw new NotFoundError('User');
    await recordAudit(tx, { action: 'identity.user.mfa_reset', resourceType: 'user', resourceId: id, entityId: user.homeEntityId, actor });
  });
}

function auditView(user: UserRecord): Record<string, unknown> {
  return { email: user.email, displayName: user.displayName, status: user.status, homeEntityId: user.homeEntityId };
}

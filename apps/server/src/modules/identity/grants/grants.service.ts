import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import { PLATFORM_PERMISSIONS, type Principal } from '../../../platform/auth/index.js';
import { newId, withTransaction, type Tx } from '../../../platform/db/index.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../platform/http/errors.js';
import { scopeOf } from '../access/scope.js';
import type { IdentityContext } from '../context/identity-context.js';
import { findRoleByCode } from '../roles/roles.repository.js';
import { findUserById } from '../users/users.repository.js';
import { deleteGrant, findGrant, insertGrant, listGrantsOfUser, type GrantView } from './grants.repository.js';

const { grantsManage } = PLATFORM_PERMISSIONS;

/** The user's grants on the entities the caller administers (RLS hides the others). */
export async function getGrants(context: IdentityContext, principal: Principal, userId: string): Promise<GrantView[]> {
  return withTransaction(
    context.database,
    scopeOf(principal, grantsManage),
    async (tx) => {
      await assertUserVisible(tx, userId);
      return listGrantsOfUser(tx, userId);
    },
    { readOnly: true },
  );
}

export async function addGrant(
  context: IdentityContext,
  principal: Principal,
  actor: AuditActor,
  userId: string,
  input: { roleCode: string; entityId: string },
): Promise<GrantView> {
  if (!principal.holdsOn(grantsManage, input.entityId)) throw new NotFoundError('Entity');
  const grant = await withTransaction(context.database, scopeOf(principal, grantsManage), async (tx) => {
    await assertUserVisible(tx, userId);
    const role = await findRoleByCode(tx, input.roleCode);
    if (!role) throw new NotFoundError('Role');
    assertNoEscalation(principal, role.permissions, input.entityId);
    const created = await insertGrant(tx, { id: newId(), userId, roleId: role.id, entityId: input.entityId, createdBy: principal.userId });
    if (!created) throw new ConflictError('The user already holds this role on this entity.', 'grant_exists');
    await recordAudit(tx, {
      action: 'identity.grant.created',
      resourceType: 'grant',
      resourceId: created.id,
      entityId: input.entityId,
      after: { userId, roleCode: role.code, entityId: input.entityId },
      actor,
    });
    return created;
  });
  context.access.invalidateUser(userId);
  return grant;
}

export async function removeGrant(context: IdentityContext, principal: Principal, actor: AuditActor, userId: string, grantId: string): Promise<void> {
  await withTransaction(context.database, scopeOf(principal, grantsManage), async (tx) => {
    await assertUserVisible(tx, userId);
    const grant = await findGrant(tx, userId, grantId);
    if (!grant) throw new NotFoundError('Grant');
    // Taking a role away needs the same standing as giving it: a branch admin cannot strip a higher role.
    assertNoEscalation(principal, grant.permissions, grant.entity.id);
    await deleteGrant(tx, grantId);
    await recordAudit(tx, {
      action: 'identity.grant.deleted',
      resourceType: 'grant',
      resourceId: grantId,
      entityId: grant.entity.id,
      before: { userId, roleCode: grant.role.code, entityId: grant.entity.id },
      actor,
    });
  });
  context.access.invalidateUser(userId);
}

/** No privilege escalation: one may only hand out (or take back) permissions one holds on that entity. */
function assertNoEscalation(principal: Principal, permissions: readonly string[], entityId: string): void {
  const missing = permissions.filter((permission) => !principal.holdsOn(permission, entityId));
  if (missing.length > 0) {
    throw new ForbiddenError(`You cannot grant a role with permissions you do not hold on this entity: ${missing.join(', ')}.`, 'privilege_escalation');
  }
}

async function assertUserVisible(tx: Tx, userId: string): Promise<void> {
  if (!(await findUserById(tx, userId))) throw new NotFoundError('User');
}

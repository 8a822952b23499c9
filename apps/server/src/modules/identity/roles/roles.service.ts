import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import { isKnownPermission } from '../../../platform/auth/index.js';
import { newId, withTransaction } from '../../../platform/db/index.js';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../../../platform/http/errors.js';
import type { IdentityContext } from '../context/identity-context.js';
import { findRoleById, insertRole, listRoles, updateRole, type RolePatch, type RoleRecord } from './roles.repository.js';

// Roles are network-wide reference data (no tenant column); who may change them is decided by the
// route's permission, so the transactions run in the system scope.
const SYSTEM = { kind: 'system' } as const;

export function getRoles(context: IdentityContext): Promise<RoleRecord[]> {
  return withTransaction(context.database, SYSTEM, listRoles, { readOnly: true });
}

export async function createRole(
  context: IdentityContext,
  actor: AuditActor,
  input: { code: string; name: string; description?: string | undefined; permissions: string[] },
): Promise<RoleRecord> {
  assertKnownPermissions(input.permissions);
  const role = await withTransaction(context.database, SYSTEM, async (tx) => {
    const created = await insertRole(tx, { id: newId(), code: input.code, name: input.name, description: input.description ?? '', permissions: [...input.permissions].sort() });
    if (!created) throw new ConflictError(`A role with the code "${input.code}" already exists.`, 'role_code_taken');
    await recordAudit(tx, { action: 'identity.role.created', resourceType: 'role', resourceId: created.id, entityId: null, after: { ...created }, actor });
    return created;
  });
  return role;
}

export async function changeRole(context: IdentityContext, actor: AuditActor, id: string, version: number | null, patch: RolePatch): Promise<RoleRecord> {
  if (patch.permissions) assertKnownPermissions(patch.permissions);
  const role = await withTransaction(context.database, SYSTEM, async (tx) => {
    const before = await findRoleById(tx, id);
    if (!before) throw new NotFoundError('Role');
    if (before.system) throw new ConflictError('System roles are defined by the platform and cannot be changed; create a custom role instead.', 'role_immutable');
    const after = await updateRole(tx, id, version ?? before.version, { ...patch, permissions: patch.permissions ? [...patch.permissions].sort() : undefined });
    if (!after) throw new PreconditionFailedError();
    await recordAudit(tx, { action: 'identity.role.updated', resourceType: 'role', resourceId: id, entityId: null, before: { ...before }, after: { ...after }, actor });
    return after;
  });
  // Every holder's permissions may have changed.
  context.access.invalidateAll();
  return role;
}

function assertKnownPermissions(permissions: readonly string[]): void {
  const errors = permissions
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => !isKnownPermission(name))
    .map(({ name, index }) => ({ pointer: `/permissions/${index}`, message: `Permission inconnue : « ${name} ».` }));
  if (errors.length > 0) throw new ValidationError(errors);
}

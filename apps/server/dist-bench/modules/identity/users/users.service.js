import { recordAudit } from '../../../platform/audit/index.js';
import { PLATFORM_PERMISSIONS } from '../../../platform/auth/index.js';
import { newId, withTransaction } from '../../../platform/db/index.js';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../../../platform/http/errors.js';
import { scopeOf } from '../access/scope.js';
import { resetMfa } from '../mfa/mfa.repository.js';
import { deleteSessionsOfUser } from '../sessions/sessions.repository.js';
import { assertPasswordPolicy, hashPassword, temporaryPassword } from './passwords.js';
import { findUserById, insertUser, listUsers, updateUser } from './users.repository.js';
const { usersRead, usersManage } = PLATFORM_PERMISSIONS;
export async function searchUsers(context, principal, query) {
    const rows = await withTransaction(context.database, scopeOf(principal, usersRead), (tx) => listUsers(tx, { ...query, limit: query.limit + 1 }), { readOnly: true });
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1].id) : null };
}
export function decodeCursor(cursor) {
    if (cursor === undefined)
        return undefined;
    const id = Buffer.from(cursor, 'base64url').toString('utf8');
    return /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
}
function encodeCursor(id) {
    return Buffer.from(id, 'utf8').toString('base64url');
}
export async function getUser(context, principal, id) {
    const user = await withTransaction(context.database, scopeOf(principal, usersRead), (tx) => findUserById(tx, id), { readOnly: true });
    if (!user)
        throw new NotFoundError('User');
    return user;
}
export async function createUser(context, principal, actor, input) {
    if (!principal.holdsOn(usersManage, input.homeEntityId))
        throw new NotFoundError('Entity');
    if (input.password !== undefined)
        assertPasswordPolicy(input.password);
    const issued = input.password === undefined ? temporaryPassword() : undefined;
    const passwordHash = await hashPassword(input.password ?? issued);
    const user = await withTransaction(context.database, scopeOf(principal, usersManage), async (tx) => {
        const created = await insertUser(tx, {
            id: newId(),
            email: input.email.trim().toLowerCase(),
            displayName: input.displayName.trim(),
            passwordHash,
            homeEntityId: input.homeEntityId,
            mustChangePassword: issued !== undefined,
        }).catch((error) => {
            if (error.code === '23505')
                throw new ConflictError('An account already uses this email address.', 'email_taken');
            throw error;
        });
        await recordAudit(tx, { action: 'identity.user.created', resourceType: 'user', resourceId: created.id, entityId: created.homeEntityId, after: auditView(created), actor });
        return created;
    });
    return issued === undefined ? { user } : { user, temporaryPassword: issued };
}
export async function changeUser(context, principal, actor, id, version, patch) {
    if (patch.homeEntityId !== undefined && !principal.holdsOn(usersManage, patch.homeEntityId))
        throw new NotFoundError('Entity');
    if (id === principal.userId && patch.status === 'deactivated') {
        throw new ConflictError('You cannot deactivate your own account; ask another administrator.', 'cannot_deactivate_self');
    }
    const { before, after } = await withTransaction(context.database, scopeOf(principal, usersManage), async (tx) => {
        const found = await findUserById(tx, id);
        if (!found)
            throw new NotFoundError('User');
        const updated = await updateUser(tx, id, version, patch);
        if (!updated)
            throw new PreconditionFailedError();
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
        // Sessions belong to their user (RLS): ending another user's sessions is a system action.
        await withTransaction(context.database, { kind: 'system' }, (tx) => deleteSessionsOfUser(tx, id));
    }
    context.access.invalidateUser(id);
    return after;
}
export async function resetUserMfa(context, principal, actor, id) {
    await withTransaction(context.database, scopeOf(principal, usersManage), async (tx) => {
        const user = await findUserById(tx, id);
        if (!user || !(await resetMfa(tx, id)))
            throw new NotFoundError('User');
        await recordAudit(tx, { action: 'identity.user.mfa_reset', resourceType: 'user', resourceId: id, entityId: user.homeEntityId, actor });
    });
}
function auditView(user) {
    return { email: user.email, displayName: user.displayName, status: user.status, homeEntityId: user.homeEntityId };
}
//# sourceMappingURL=users.service.js.map
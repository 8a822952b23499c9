import type { Principal } from '../../../platform/auth/index.js';
import { withTransaction } from '../../../platform/db/index.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import type { EntityNode } from '../../../platform/tenancy/entity-tree.js';
import { listGrantsOfUser, type GrantView } from '../grants/grants.repository.js';
import type { IdentityContext } from '../context/identity-context.js';
import { findUserById, type UserRecord } from '../users/users.repository.js';

export interface Me {
  user: UserRecord;
  permissions: string[];
  grants: GrantView[];
  /** Every entity the caller may act on with at least one permission (the branch switcher's list). */
  entities: EntityNode[];
}

export async function describeMe(context: IdentityContext, principal: Principal): Promise<Me> {
  // The caller's own account and grants, wherever the grants are: a system read filtered by user id.
  const { user, grants } = await withTransaction(
    context.database,
    { kind: 'system' },
    async (tx) => ({ user: await findUserById(tx, principal.userId), grants: await listGrantsOfUser(tx, principal.userId) }),
    { readOnly: true },
  );
  if (!user) throw new NotFoundError('User');
  const tree = await context.entityTree.current();
  const roots = principal.permissions().flatMap((permission) => principal.rootsFor(permission));
  const entities = [...tree.expand(roots)].map((id) => tree.get(id)!).sort((a, b) => a.code.localeCompare(b.code, 'fr'));
  return { user, permissions: principal.permissions(), grants, entities };
}

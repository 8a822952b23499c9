import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import { ValidationError } from '../../../platform/http/errors.js';
import { isUniqueViolation, scopeOf, type MembershipActor, type MembershipDeps } from './membership-actor.js';
import { insertType, listTypes } from './memberships.repository.js';
import type { CreateMembershipType, MembershipType } from './memberships.schema.js';
import { MEMBERSHIP_PERMISSIONS } from './permissions.js';

const REFUSED = 'Le type de membre ne peut pas être enregistré.';

function toType(row: { id: string; entityId: string; code: string; label: string; free: boolean; createdAt: Date }): MembershipType {
  return { id: row.id, entityId: row.entityId, code: row.code, label: row.label, free: row.free, createdAt: row.createdAt.toISOString() };
}

export async function createType(deps: MembershipDeps, actor: MembershipActor, input: CreateMembershipType): Promise<MembershipType> {
  if (!actor.principal.holdsOn(MEMBERSHIP_PERMISSIONS.write, input.entityId)) {
    throw new ValidationError([{ pointer: '/entityId', message: 'Vous ne pouvez pas définir de type de membre pour cette structure.' }], REFUSED);
  }
  return withTransaction(deps.database, scopeOf(actor), async (tx) => {
    try {
      const row = await insertType(tx, { id: newId(), entityId: input.entityId, code: input.code, label: input.label, free: input.free ?? false });
      await recordAudit(tx, { action: 'membership.type.created', resourceType: 'membership_type', resourceId: row.id, entityId: row.entityId, after: { code: row.code, label: row.label, free: row.free }, actor: actor.audit });
      return toType(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ValidationError([{ pointer: '/code', message: `Le code « ${input.code} » est déjà utilisé par un autre type de membre de cette structure.` }], REFUSED);
    }
  });
}

export async function searchTypes(database: Database, scope: DbScope, entityId: string | undefined): Promise<MembershipType[]> {
  return withTransaction(database, scope, async (tx) => (await listTypes(tx, entityId)).map(toType), { readOnly: true });
}

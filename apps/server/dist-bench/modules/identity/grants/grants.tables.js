import { index, pgTable, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import { roles } from '../roles/roles.tables.js';
import { users } from '../users/users.tables.js';
/** A user holds a role on an entity and, through it, on every descendant of that entity. */
export const grants = pgTable('grants', {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id')
        .notNull()
        .references(() => roles.id),
    entityId: uuid('entity_id')
        .notNull()
        .references(() => entities.id),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (table) => [
    unique('grants_user_role_entity_unique').on(table.userId, table.roleId, table.entityId),
    index('grants_entity_id_idx').on(table.entityId),
    index('grants_role_id_idx').on(table.roleId),
    tenantIsolationPolicy('grants'),
]).enableRLS();
//# sourceMappingURL=grants.tables.js.map
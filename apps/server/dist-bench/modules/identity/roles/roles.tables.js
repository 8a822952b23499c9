import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
/**
 * A named set of permissions. System roles are defined in code (system-roles.ts) and synchronised
 * at boot; custom roles are created through the API. Reference data shared by the whole network: no RLS.
 */
export const roles = pgTable('roles', {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    permissions: text('permissions').array().notNull(),
    system: boolean('system').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
//# sourceMappingURL=roles.tables.js.map
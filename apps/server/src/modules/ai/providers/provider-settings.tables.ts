import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';

export const PROVIDER_KINDS = ['extractive', 'openai-compatible'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/**
 * The generation provider an entity uses (inherited by its subtree unless a descendant sets its own).
 * The API key is encrypted with the field cipher (re-encrypted by `keys:rotate`).
 */
export const aiProviderSettings = pgTable(
  'ai_provider_settings',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    provider: text('provider', { enum: PROVIDER_KINDS }).notNull(),
    baseUrl: text('base_url'),
    model: text('model'),
    apiKeyEncrypted: text('api_key_encrypted'),
    hostedOnPremises: boolean('hosted_on_premises').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('ai_provider_settings_entity_unique').on(table.entityId),
    check('ai_provider_settings_provider', sql`${table.provider} IN ('extractive', 'openai-compatible')`),
    check('ai_provider_settings_openai_fields', sql`${table.provider} = 'extractive' OR (${table.baseUrl} IS NOT NULL AND ${table.model} IS NOT NULL)`),
    tenantIsolationPolicy('ai_provider_settings'),
  ],
).enableRLS();

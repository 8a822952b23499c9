import type { Tx } from '../../../platform/db/index.js';
import type { ProviderKind } from './provider-settings.tables.js';

export interface ProviderSettingsRow {
  entityId: string;
  provider: ProviderKind;
  baseUrl: string | null;
  model: string | null;
  apiKeyEncrypted: string | null;
  hostedOnPremises: boolean;
}

const COLUMNS = `s.entity_id AS "entityId", s.provider, s.base_url AS "baseUrl", s.model, s.api_key_encrypted AS "apiKeyEncrypted", s.hosted_on_premises AS "hostedOnPremises"`;

/** The settings of the entity or of its nearest ancestor that has some. */
export async function findEffectiveSettings(tx: Tx, entityId: string): Promise<ProviderSettingsRow | null> {
  const { rows } = await tx.client.query<ProviderSettingsRow>(
    `SELECT ${COLUMNS} FROM ai_provider_settings s JOIN entity_tree_paths p ON p.ancestor_id = s.entity_id
      WHERE p.descendant_id = $1 ORDER BY p.depth LIMIT 1`,
    [entityId],
  );
  return rows[0] ?? null;
}

export async function upsertSettings(tx: Tx, id: string, row: ProviderSettingsRow, userId: string): Promise<void> {
  await tx.client.query(
    `INSERT INTO ai_provider_settings (id, entity_id, provider, base_url, model, api_key_encrypted, hosted_on_premises, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (entity_id) DO UPDATE SET provider = EXCLUDED.provider, base_url = EXCLUDED.base_url, model = EXCLUDED.model,
       api_key_encrypted = EXCLUDED.api_key_encrypted, hosted_on_premises = EXCLUDED.hosted_on_premises,
       updated_by = EXCLUDED.updated_by, updated_at = now(), version = ai_provider_settings.version + 1`,
    [id, row.entityId, row.provider, row.baseUrl, row.model, row.apiKeyEncrypted, row.hostedOnPremises, userId],
  );
}

export async function findOwnSettings(tx: Tx, entityId: string): Promise<ProviderSettingsRow | null> {
  const { rows } = await tx.client.query<ProviderSettingsRow>(`SELECT ${COLUMNS} FROM ai_provider_settings s WHERE s.entity_id = $1`, [entityId]);
  return rows[0] ?? null;
}

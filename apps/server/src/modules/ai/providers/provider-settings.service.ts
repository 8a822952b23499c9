import type { AuditActor } from '../../../platform/audit/index.js';
import { recordAudit } from '../../../platform/audit/index.js';
import type { AiSettings } from '../../../platform/config/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { newId, withTransaction, type Database } from '../../../platform/db/index.js';
import { ValidationError } from '../../../platform/http/errors.js';
import { findEffectiveSettings, findOwnSettings, upsertSettings } from './provider-settings.repository.js';
import type { ProviderSettings, PutProviderSettings } from './provider-settings.schema.js';

export interface ProviderSettingsDeps {
  database: Database;
  cipher: FieldCipher;
  ai: AiSettings;
}

/** The settings that apply to the entity (own, inherited or the server default). Caller checked access. */
export async function readProviderSettings(deps: ProviderSettingsDeps, entityId: string): Promise<ProviderSettings> {
  const row = await withTransaction(deps.database, { kind: 'system' }, (tx) => findEffectiveSettings(tx, entityId), { readOnly: true });
  if (!row) {
    const openAi = deps.ai.provider === 'openai-compatible';
    return {
      entityId,
      provider: deps.ai.provider,
      baseUrl: openAi ? (deps.ai.openAiBaseUrl ?? null) : null,
      model: openAi ? (deps.ai.openAiModel ?? null) : null,
      hasApiKey: openAi && deps.ai.openAiApiKey !== undefined,
      hostedOnPremises: openAi && deps.ai.openAiHostedOnPremises,
      definedAt: null,
    };
  }
  return { entityId, provider: row.provider, baseUrl: row.baseUrl, model: row.model, hasApiKey: row.apiKeyEncrypted !== null, hostedOnPremises: row.hostedOnPremises, definedAt: row.entityId };
}

export async function writeProviderSettings(deps: ProviderSettingsDeps, actor: { userId: string; audit: AuditActor; entityRoots: readonly string[] }, entityId: string, input: PutProviderSettings): Promise<ProviderSettings> {
  if (input.provider === 'openai-compatible') {
    const missing = (['baseUrl', 'model'] as const).filter((field) => !input[field]);
    if (missing.length > 0) throw new ValidationError(missing.map((field) => ({ pointer: `/${field}`, message: 'Obligatoire pour un fournisseur openai-compatible.' })));
  }
  await withTransaction(deps.database, { kind: 'entities', entityRoots: actor.entityRoots, userId: actor.userId }, async (tx) => {
    const current = await findOwnSettings(tx, entityId);
    const apiKeyEncrypted = input.provider === 'extractive' ? null : input.apiKey ? deps.cipher.encrypt(input.apiKey) : (current?.apiKeyEncrypted ?? null);
    const row = {
      entityId,
      provider: input.provider,
      baseUrl: input.provider === 'extractive' ? null : input.baseUrl!,
      model: input.provider === 'extractive' ? null : input.model!,
      apiKeyEncrypted,
      hostedOnPremises: input.provider === 'extractive' ? false : (input.hostedOnPremises ?? false),
    };
    await upsertSettings(tx, newId(), row, actor.userId);
    const snapshot = (s: typeof row | null) => (s ? { provider: s.provider, baseUrl: s.baseUrl, model: s.model, hasApiKey: s.apiKeyEncrypted !== null, hostedOnPremises: s.hostedOnPremises } : null);
    await recordAudit(tx, { action: 'ai.provider_settings.updated', resourceType: 'ai_provider_settings', resourceId: entityId, entityId, before: snapshot(current), after: snapshot(row), actor: actor.audit });
  });
  return readProviderSettings(deps, entityId);
}

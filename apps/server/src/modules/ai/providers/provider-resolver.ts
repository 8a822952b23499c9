import type { AiSettings } from '../../../platform/config/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { ExtractiveProvider } from './extractive.provider.js';
import type { GenerationProvider } from './generation-provider.js';
import { OpenAiCompatibleProvider } from './openai-compatible.provider.js';
import { findEffectiveSettings } from './provider-settings.repository.js';

export interface ProviderDeps {
  database: Database;
  cipher: FieldCipher;
  ai: AiSettings;
}

const extractive = new ExtractiveProvider();

/**
 * The provider an entity's questions go to: its own settings or its nearest ancestor's, else the
 * server default (AI_PROVIDER). Read in the system scope: a branch inherits settings it may not read.
 */
export async function providerFor(deps: ProviderDeps, entityId: string): Promise<GenerationProvider> {
  const settings = await withTransaction(deps.database, { kind: 'system' }, (tx) => findEffectiveSettings(tx, entityId), { readOnly: true });
  if (settings) {
    if (settings.provider === 'extractive') return extractive;
    return new OpenAiCompatibleProvider({
      baseUrl: settings.baseUrl ?? deps.ai.openAiBaseUrl ?? '',
      model: settings.model ?? deps.ai.openAiModel ?? '',
      apiKey: settings.apiKeyEncrypted ? deps.cipher.decrypt(settings.apiKeyEncrypted) : (deps.ai.openAiApiKey ?? null),
      hostedOnPremises: settings.hostedOnPremises,
    });
  }
  if (deps.ai.provider === 'openai-compatible' && deps.ai.openAiBaseUrl && deps.ai.openAiModel) {
    return new OpenAiCompatibleProvider({
      baseUrl: deps.ai.openAiBaseUrl,
      model: deps.ai.openAiModel,
      apiKey: deps.ai.openAiApiKey ?? null,
      hostedOnPremises: deps.ai.openAiHostedOnPremises,
    });
  }
  return extractive;
}

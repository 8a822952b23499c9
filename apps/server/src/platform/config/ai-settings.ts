import { ConfigError, readBoolean, readChoice, readInteger, readSetting, type Env } from './env.js';

/** AI Hub (docs/ai-hub.md): default generation provider and limits; entities may override the provider. */
export interface AiSettings {
  /** Provider of entities without their own settings. Default: extractive (offline). */
  provider: 'extractive' | 'openai-compatible';
  openAiBaseUrl: string | undefined;
  openAiModel: string | undefined;
  openAiApiKey: string | undefined;
  /** The default endpoint runs on infrastructure we operate: staff-only sources may be sent to it. */
  openAiHostedOnPremises: boolean;
  /** Questions per user per minute. */
  rateLimitPerMinute: number;
  /** Days the AI interactions journal is kept. */
  auditRetentionDays: number;
  /** Optional embedding provider (OpenAI-compatible `/embeddings`), server-wide; null: retrieval is lexical only. */
  embeddings: EmbeddingSettings | null;
}

/** One vector space for the whole network's index (ADR 0025): a server setting, not an entity's. */
export interface EmbeddingSettings {
  /** Base URL without `/embeddings`, e.g. `http://localhost:11434/v1`. */
  baseUrl: string;
  model: string;
  apiKey: string | undefined;
  /** Length of the vectors the model returns (checked on every answer). */
  dimensions: number;
  /** The endpoint runs on infrastructure we operate: staff-only chunks may be embedded by it. */
  hostedOnPremises: boolean;
  /** Budget for embedding a question; past it the search is lexical only. */
  queryTimeoutMs: number;
}

export function readAiSettings(env: Env): AiSettings {
  const settings: AiSettings = {
    provider: readChoice(env, 'AI_PROVIDER', ['extractive', 'openai-compatible'] as const, 'extractive'),
    openAiBaseUrl: readSetting(env, 'AI_OPENAI_BASE_URL'),
    openAiModel: readSetting(env, 'AI_OPENAI_MODEL'),
    openAiApiKey: readSetting(env, 'AI_OPENAI_API_KEY'),
    openAiHostedOnPremises: readBoolean(env, 'AI_OPENAI_HOSTED_ON_PREMISES', false),
    rateLimitPerMinute: readInteger(env, 'AI_RATE_LIMIT_PER_MINUTE', 20, 1, 10_000),
    auditRetentionDays: readInteger(env, 'AI_AUDIT_RETENTION_DAYS', 365, 1, 3650),
    embeddings: readEmbeddingSettings(env),
  };
  if (settings.openAiBaseUrl !== undefined && !/^https?:\/\//.test(settings.openAiBaseUrl)) {
    throw new ConfigError('AI_OPENAI_BASE_URL', 'must start with http:// or https://');
  }
  if (settings.provider === 'openai-compatible' && (!settings.openAiBaseUrl || !settings.openAiModel)) {
    throw new ConfigError('AI_PROVIDER', 'openai-compatible needs AI_OPENAI_BASE_URL and AI_OPENAI_MODEL');
  }
  return settings;
}

function readEmbeddingSettings(env: Env): EmbeddingSettings | null {
  // Every variable is read, set or not (the configuration test lists what is read).
  const baseUrl = readSetting(env, 'AI_EMBEDDINGS_BASE_URL');
  const model = readSetting(env, 'AI_EMBEDDINGS_MODEL');
  const apiKey = readSetting(env, 'AI_EMBEDDINGS_API_KEY');
  const dimensionsSet = readSetting(env, 'AI_EMBEDDINGS_DIMENSIONS') !== undefined;
  const dimensions = readInteger(env, 'AI_EMBEDDINGS_DIMENSIONS', 0, 2, 4096);
  const hostedOnPremises = readBoolean(env, 'AI_EMBEDDINGS_HOSTED_ON_PREMISES', false);
  const queryTimeoutMs = readInteger(env, 'AI_EMBEDDINGS_QUERY_TIMEOUT_MS', 1500, 50, 30_000);
  if (baseUrl === undefined) return null;
  if (!/^https?:\/\//.test(baseUrl)) throw new ConfigError('AI_EMBEDDINGS_BASE_URL', 'must start with http:// or https://');
  if (!model) throw new ConfigError('AI_EMBEDDINGS_MODEL', 'is required when AI_EMBEDDINGS_BASE_URL is set');
  if (!dimensionsSet) throw new ConfigError('AI_EMBEDDINGS_DIMENSIONS', 'is required when AI_EMBEDDINGS_BASE_URL is set');
  return { baseUrl, model, apiKey, dimensions, hostedOnPremises, queryTimeoutMs };
}

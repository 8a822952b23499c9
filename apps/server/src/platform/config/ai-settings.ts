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
  };
  if (settings.openAiBaseUrl !== undefined && !/^https?:\/\//.test(settings.openAiBaseUrl)) {
    throw new ConfigError('AI_OPENAI_BASE_URL', 'must start with http:// or https://');
  }
  if (settings.provider === 'openai-compatible' && (!settings.openAiBaseUrl || !settings.openAiModel)) {
    throw new ConfigError('AI_PROVIDER', 'openai-compatible needs AI_OPENAI_BASE_URL and AI_OPENAI_MODEL');
  }
  return settings;
}

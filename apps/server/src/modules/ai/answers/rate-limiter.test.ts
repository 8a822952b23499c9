import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config/index.js';
import { UserRateLimiter } from './rate-limiter.js';

describe('per-user rate limiter', () => {
  it('allows the limit per sliding minute, then says how long to wait', () => {
    let now = 0;
    const limiter = new UserRateLimiter(2, () => now);
    expect(limiter.take('a')).toBe(0);
    now = 30_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(30);
    expect(limiter.take('b')).toBe(0);
    now = 60_001;
    expect(limiter.take('a')).toBe(0);
  });
});

describe('AI settings', () => {
  const base = { NODE_ENV: 'test' };
  it('defaults to the extractive provider, 20 questions a minute, a year of journal', () => {
    expect(loadConfig(base, []).ai).toEqual({
      provider: 'extractive',
      openAiBaseUrl: undefined,
      openAiModel: undefined,
      openAiApiKey: undefined,
      openAiHostedOnPremises: false,
      rateLimitPerMinute: 20,
      auditRetentionDays: 365,
      embeddings: null,
    });
  });

  it('reads the optional embedding provider, and refuses it without a model or dimensions', () => {
    const embeddings = { AI_EMBEDDINGS_BASE_URL: 'http://127.0.0.1:11434/v1', AI_EMBEDDINGS_MODEL: 'bge-m3', AI_EMBEDDINGS_DIMENSIONS: '1024' };
    expect(loadConfig({ ...base, ...embeddings }, []).ai.embeddings).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'bge-m3',
      apiKey: undefined,
      dimensions: 1024,
      hostedOnPremises: false,
      queryTimeoutMs: 1500,
    });
    expect(() => loadConfig({ ...base, ...embeddings, AI_EMBEDDINGS_MODEL: '' }, [])).toThrow(/AI_EMBEDDINGS_MODEL/);
    expect(() => loadConfig({ ...base, ...embeddings, AI_EMBEDDINGS_DIMENSIONS: '' }, [])).toThrow(/AI_EMBEDDINGS_DIMENSIONS/);
    expect(() => loadConfig({ ...base, ...embeddings, AI_EMBEDDINGS_BASE_URL: 'ftp://x' }, [])).toThrow(/AI_EMBEDDINGS_BASE_URL/);
  });

  it('refuses openai-compatible without an endpoint and model, and a non-HTTP URL', () => {
    expect(() => loadConfig({ ...base, AI_PROVIDER: 'openai-compatible' }, [])).toThrow(/AI_PROVIDER/);
    expect(() => loadConfig({ ...base, AI_OPENAI_BASE_URL: 'ftp://x' }, [])).toThrow(/AI_OPENAI_BASE_URL/);
    expect(loadConfig({ ...base, AI_PROVIDER: 'openai-compatible', AI_OPENAI_BASE_URL: 'http://localhost:11434/v1', AI_OPENAI_MODEL: 'mistral' }, []).ai.provider).toBe('openai-compatible');
  });
});

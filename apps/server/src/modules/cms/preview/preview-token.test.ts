import { describe, expect, it } from 'vitest';
import { createPreviewToken, verifyPreviewToken } from './preview-token.js';

const SECRET = 'test-secret-test-secret-test-secret-00';
const grant = { contentId: '01900000-0000-7000-8000-000000000001', revisionId: '01900000-0000-7000-8000-000000000002' };

describe('preview tokens', () => {
  it('grants one revision for one hour', () => {
    const now = new Date('2026-11-29T10:00:00Z');
    const { token, expiresAt } = createPreviewToken(SECRET, grant, now);
    expect(expiresAt.toISOString()).toBe('2026-11-29T11:00:00.000Z');
    expect(verifyPreviewToken(token, SECRET, new Date('2026-11-29T10:59:59Z'))).toEqual({ ...grant, expiresAt });
    expect(verifyPreviewToken(token, SECRET, new Date('2026-11-29T11:00:00Z'))).toBeNull();
  });

  it('refuses forged, altered and malformed tokens', () => {
    const { token } = createPreviewToken(SECRET, grant);
    expect(verifyPreviewToken(token, 'another-secret-another-secret-000000')).toBeNull();
    const [content, revision, expiry, signature] = token.split('.');
    expect(verifyPreviewToken([content, revision, String(Number(expiry) + 3600), signature].join('.'), SECRET)).toBeNull();
    expect(verifyPreviewToken('abc', SECRET)).toBeNull();
    expect(verifyPreviewToken(`${token}x`, SECRET)).toBeNull();
  });
});

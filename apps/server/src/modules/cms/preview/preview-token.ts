import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a preview link grants: reading one revision of one content item, until it expires. */
export interface PreviewGrant {
  contentId: string;
  revisionId: string;
  expiresAt: Date;
}

export const PREVIEW_TTL_SECONDS = 3600;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A domain tag keeps a preview signature from ever being valid as any other HMAC of the same secret.
const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`maillage.cms.preview.v1:${payload}`).digest('base64url');

/** `<contentId>.<revisionId>.<expiry seconds>.<signature>` (URL-safe). */
export function createPreviewToken(secret: string, grant: { contentId: string; revisionId: string }, now: Date = new Date()): { token: string; expiresAt: Date } {
  const expiresAt = new Date((Math.floor(now.getTime() / 1000) + PREVIEW_TTL_SECONDS) * 1000);
  const payload = `${grant.contentId}.${grant.revisionId}.${expiresAt.getTime() / 1000}`;
  return { token: `${payload}.${sign(secret, payload)}`, expiresAt };
}

/**
 * The grant of a preview token, or null when it is malformed, forged or expired. `secret` is the
 * app's session secret (`config.sessionSecret`). The caller then renders that revision, whatever its status.
 */
export function verifyPreviewToken(token: string, secret: string, now: Date = new Date()): PreviewGrant | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [contentId, revisionId, expiry, signature] = parts as [string, string, string, string];
  if (!UUID.test(contentId) || !UUID.test(revisionId) || !/^\d{1,12}$/.test(expiry)) return null;
  const expected = Buffer.from(sign(secret, `${contentId}.${revisionId}.${expiry}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const expiresAt = new Date(Number(expiry) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return null;
  return { contentId, revisionId, expiresAt };
}

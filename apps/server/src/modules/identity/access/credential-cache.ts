/** How long a looked-up session or token is trusted without asking the database again. */
export const CREDENTIAL_CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

/** A session found by its cookie's digest. */
export interface CachedSession {
  userId: string;
  email: string;
  csrfToken: string;
  /** Epoch milliseconds, as text: when the session lapses unless it slides. */
  expiresAtMs: string;
}

/** A personal access token found by its digest. */
export interface CachedToken {
  id: string;
  userId: string;
  email: string;
  permissions: string[];
  expiresAtMs: string;
}

interface Entry<T> {
  value: T;
  userId: string;
  expiresAt: number;
}

/**
 * Credential lookups (session cookie or access token digest → user) kept for a few seconds, so that
 * a burst of requests from one client costs one database round trip instead of one each.
 *
 * Logout, token revocation, password change and deactivation in this process evict the user's
 * entries at once (through `AccessCache.invalidateUser`). Another process notices such a change up
 * to `CREDENTIAL_CACHE_TTL_MS` late; an entry never outlives the session's own expiry.
 */
export class CredentialCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs = CREDENTIAL_CACHE_TTL_MS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get(digest: string): T | undefined {
    const entry = this.entries.get(digest);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(digest);
      return undefined;
    }
    return entry.value;
  }

  /** `validUntil`: when the credential itself expires (ms since epoch), if sooner than the TTL. */
  set(digest: string, value: T, userId: string, validUntil = Number.POSITIVE_INFINITY): void {
    if (this.entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(digest, { value, userId, expiresAt: Math.min(this.now() + this.ttlMs, validUntil) });
  }

  evictUser(userId: string): void {
    for (const [digest, entry] of this.entries) {
      if (entry.userId === userId) this.entries.delete(digest);
    }
  }
}

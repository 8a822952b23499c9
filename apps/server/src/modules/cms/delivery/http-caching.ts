import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Strong validator: the hash of the exact bytes sent. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** HTTP date, second precision (what Last-Modified carries). */
export function httpDate(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toUTCString();
}

/**
 * RFC 9110 §13.2.2: If-None-Match wins when present (weak comparison for GET); If-Modified-Since
 * is only looked at without it.
 */
export function isFresh(request: { headers: IncomingHttpHeaders }, etag: string, lastModified: string): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (typeof ifNoneMatch === 'string') {
    if (ifNoneMatch.trim() === '*') return true;
    const opaque = etag.replace(/^W\//, '');
    return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (typeof ifModifiedSince === 'string') {
    const since = Date.parse(ifModifiedSince);
    const modified = Date.parse(lastModified);
    return Number.isFinite(since) && Number.isFinite(modified) && modified <= since;
  }
  return false;
}

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';
export const NOT_FOUND_CACHE_CONTROL = 'public, max-age=60';
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

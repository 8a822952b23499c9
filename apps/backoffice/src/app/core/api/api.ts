import { Injectable, signal } from '@angular/core';
import createClient, { type Middleware } from 'openapi-fetch';
import { Subject } from 'rxjs';
import { ApiProblem, networkProblem, toApiProblem } from './api-problem';
import type { paths } from './schema';

/** Headers of a JSON Merge Patch (RFC 7396) guarded by the ETag read before. */
export function mergePatchHeaders(etag: string | null): Record<string, string> {
  return { 'content-type': 'application/merge-patch+json', 'if-match': etag ?? '*' };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Calls whose 401 is an expected answer, not a lost session. */
const AUTH_PROBES = ['/api/v1/auth/login', '/api/v1/auth/me'];

/** The result shape openapi-fetch returns for every call. */
interface FetchResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * The typed API client (generated from openapi/v1.json) plus what every call needs: the session
 * cookie, the CSRF header on writes, problem+json mapped to ApiProblem, and a signal when the
 * session is lost (any 401) so the shell can send the user to sign-in and back.
 */
@Injectable({ providedIn: 'root' })
export class Api {
  /** The session's CSRF token, echoed as X-CSRF-Token on writes; kept in memory, restored from /auth/me after a reload. */
  readonly csrfToken = signal<string | null>(null);
  readonly sessionLost = new Subject<void>();
  readonly client = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', credentials: 'same-origin' });

  constructor() {
    this.client.use(this.middleware());
  }

  /** Awaits an openapi-fetch call and returns its data, or throws an ApiProblem. */
  async unwrap<D>(pending: Promise<FetchResult<D>>): Promise<D> {
    let result: FetchResult<D>;
    try {
      result = await pending;
    } catch (cause) {
      if (cause instanceof ApiProblem) throw cause;
      throw networkProblem(cause);
    }
    if (result.error !== undefined || !result.response.ok) throw toApiProblem(result.error, result.response);
    return result.data as D;
  }

  /** Like unwrap, plus the ETag to send back as If-Match when changing the resource. */
  async unwrapWithEtag<D>(pending: Promise<FetchResult<D>>): Promise<{ data: D; etag: string | null }> {
    let etag: string | null = null;
    const data = await this.unwrap(
      pending.then((result) => {
        etag = result.response.headers.get('etag');
        return result;
      }),
    );
    return { data, etag };
  }

  /** Streams a collection as CSV (`Accept: text/csv`) and hands it to the browser as a download. */
  async downloadCsv(path: string, query: Record<string, string>, filename: string): Promise<void> {
    const url = new URL(path, globalThis.location.origin);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    url.searchParams.delete('cursor');
    url.searchParams.delete('limit');
    let response: Response;
    try {
      response = await fetch(url, { headers: { accept: 'text/csv' }, credentials: 'same-origin' });
    } catch (cause) {
      throw networkProblem(cause);
    }
    if (!response.ok) {
      if (response.status === 401) this.sessionLost.next();
      throw toApiProblem(await response.json().catch(() => undefined), response);
    }
    const blob = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  private middleware(): Middleware {
    return {
      onRequest: ({ request }) => {
        const token = this.csrfToken();
        if (token && !SAFE_METHODS.has(request.method)) request.headers.set('X-CSRF-Token', token);
        return request;
      },
      onResponse: ({ request, response }) => {
        const path = new URL(request.url).pathname;
        if (response.status === 401 && !AUTH_PROBES.includes(path)) this.sessionLost.next();
        // A write refused for lack of a CSRF token we never had (page reloaded and /auth/me does not
        // hand it back): signing in again is the only way to get one.
        if (response.status === 403 && !SAFE_METHODS.has(request.method) && this.csrfToken() === null) this.sessionLost.next();
        return response;
      },
    };
  }
}

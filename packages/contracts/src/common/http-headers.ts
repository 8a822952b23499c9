/** Header names of the HTTP conventions, shared so that the back-office and the server spell them alike. */
export const HttpHeaders = {
  idempotencyKey: 'Idempotency-Key',
  idempotencyReplayed: 'Idempotency-Replayed',
  ifMatch: 'If-Match',
  etag: 'ETag',
  deprecation: 'Deprecation',
  sunset: 'Sunset',
  requestId: 'X-Request-Id',
} as const;

export const MERGE_PATCH_CONTENT_TYPE = 'application/merge-patch+json';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const CSV_CONTENT_TYPE = 'text/csv';

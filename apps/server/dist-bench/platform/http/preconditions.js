import { PreconditionFailedError, PreconditionRequiredError } from './errors.js';
/**
 * Optimistic concurrency with a `version` column: responses carry `ETag: "<version>"`, and writes
 * require `If-Match` with the version the client read (RFC 9110 §13.1.1, strong comparison).
 * The repository then updates `WHERE id = $1 AND version = $2` so that the check and the write are
 * one atomic statement; zero rows updated means 412 (or 404 if the row is gone or out of scope).
 */
export function etagOf(version) {
    return `"${version}"`;
}
export function setEtag(reply, version) {
    return reply.header('etag', etagOf(version));
}
/** 304 check for GET: true when the client's If-None-Match already names the current version. */
export function isNotModified(request, version) {
    const header = request.headers['if-none-match'];
    if (!header)
        return false;
    const current = etagOf(version);
    return header.split(',').some((tag) => {
        const trimmed = tag.trim();
        return trimmed === '*' || trimmed.replace(/^W\//, '') === current;
    });
}
/**
 * The version named by `If-Match` (428 when absent). `*` returns null: any current version matches.
 * A malformed or weak tag can never match a strong one: 412.
 */
export function requiredIfMatchVersion(request) {
    const header = request.headers['if-match'];
    if (header === undefined || header.trim() === '')
        throw new PreconditionRequiredError();
    const tags = header.split(',').map((tag) => tag.trim());
    if (tags.includes('*'))
        return null;
    if (tags.length !== 1)
        throw new PreconditionFailedError();
    const match = /^"(\d{1,15})"$/.exec(tags[0]);
    if (!match)
        throw new PreconditionFailedError();
    return Number(match[1]);
}
/** For code that read the row first: 428 without If-Match, 412 when it names another version. */
export function assertIfMatch(request, currentVersion) {
    const expected = requiredIfMatchVersion(request);
    if (expected !== null && expected !== currentVersion)
        throw new PreconditionFailedError();
}
//# sourceMappingURL=preconditions.js.map
import { PreconditionFailedError, PreconditionRequiredError } from '../../../platform/http/errors.js';
/** The ETag of a versioned record: its version number, strong. */
export function etagOf(record) {
    return `"${record.version}"`;
}
/** The version the client read, from If-Match (required: 428 without, 412 when unreadable). */
export function versionFromIfMatch(request) {
    const header = request.headers['if-match'];
    if (header === undefined)
        throw new PreconditionRequiredError();
    const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
    if (!match)
        throw new PreconditionFailedError();
    return Number(match[1]);
}
//# sourceMappingURL=etag.js.map
import { MERGE_PATCH_CONTENT_TYPE } from '@maillage/contracts';
import { AppError } from './errors.js';
/**
 * JSON Merge Patch (RFC 7396), the PATCH format API Platform uses: send only the fields to change,
 * `null` removes (clears) a field. Parsed with Fastify's own JSON parser, so the body limit and the
 * prototype-poisoning protection apply alike.
 */
export function registerMergePatchParser(app) {
    app.addContentTypeParser(MERGE_PATCH_CONTENT_TYPE, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
}
/** preValidation for PATCH routes: 415 unless the body is `application/merge-patch+json`. */
export async function requireMergePatch(request) {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== MERGE_PATCH_CONTENT_TYPE) {
        throw new AppError('unsupported_media_type', 415, 'Unsupported media type', `PATCH bodies must be sent as ${MERGE_PATCH_CONTENT_TYPE}.`);
    }
}
/** RFC 7396 §2: objects merge recursively, null deletes, anything else (arrays included) replaces. */
export function applyMergePatch(target, patch) {
    if (!isPlainObject(patch))
        return patch;
    const result = isPlainObject(target) ? { ...target } : {};
    for (const [key, value] of Object.entries(patch)) {
        if (key === '__proto__')
            continue; // JSON.parse can produce it; assigning it would swap the prototype
        if (value === null) {
            delete result[key];
        }
        else {
            result[key] = applyMergePatch(result[key], value);
        }
    }
    return result;
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
//# sourceMappingURL=merge-patch.js.map
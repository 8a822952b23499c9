import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MERGE_PATCH_CONTENT_TYPE } from '@maillage/contracts';
import { UnsupportedMediaTypeError } from './errors.js';

/**
 * JSON Merge Patch (RFC 7396), the PATCH format API Platform uses: send only the fields to change,
 * `null` removes (clears) a field. Parsed with Fastify's own JSON parser, so the body limit and the
 * prototype-poisoning protection apply alike.
 */
export function registerMergePatchParser(app: FastifyInstance): void {
  app.addContentTypeParser(MERGE_PATCH_CONTENT_TYPE, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
}

/** preValidation for PATCH routes: 415 unless the body is `application/merge-patch+json`. */
export async function requireMergePatch(request: FastifyRequest): Promise<void> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== MERGE_PATCH_CONTENT_TYPE) {
    throw new UnsupportedMediaTypeError(`PATCH bodies must be sent as ${MERGE_PATCH_CONTENT_TYPE}.`);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** RFC 7396 §2: objects merge recursively, null deletes, anything else (arrays included) replaces. */
export function applyMergePatch<T>(target: T, patch: unknown): T {
  if (!isPlainObject(patch)) return patch as T;
  const result: Record<string, Json> = isPlainObject(target) ? { ...(target as Record<string, Json>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '__proto__') continue; // JSON.parse can produce it; assigning it would swap the prototype
    if (value === null) {
      delete result[key];
    } else {
      result[key] = applyMergePatch(result[key], value) as Json;
    }
  }
  return result as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

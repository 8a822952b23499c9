import type { FastifyInstance, FastifyRequest } from 'fastify';
/**
 * JSON Merge Patch (RFC 7396), the PATCH format API Platform uses: send only the fields to change,
 * `null` removes (clears) a field. Parsed with Fastify's own JSON parser, so the body limit and the
 * prototype-poisoning protection apply alike.
 */
export declare function registerMergePatchParser(app: FastifyInstance): void;
/** preValidation for PATCH routes: 415 unless the body is `application/merge-patch+json`. */
export declare function requireMergePatch(request: FastifyRequest): Promise<void>;
/** RFC 7396 §2: objects merge recursively, null deletes, anything else (arrays included) replaces. */
export declare function applyMergePatch<T>(target: T, patch: unknown): T;

import type { FastifyRequest } from 'fastify';
/** The ETag of a versioned record: its version number, strong. */
export declare function etagOf(record: {
    version: number;
}): string;
/** The version the client read, from If-Match (required: 428 without, 412 when unreadable). */
export declare function versionFromIfMatch(request: FastifyRequest): number;

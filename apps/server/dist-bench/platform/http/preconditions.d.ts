import type { FastifyReply, FastifyRequest } from 'fastify';
/**
 * Optimistic concurrency with a `version` column: responses carry `ETag: "<version>"`, and writes
 * require `If-Match` with the version the client read (RFC 9110 §13.1.1, strong comparison).
 * The repository then updates `WHERE id = $1 AND version = $2` so that the check and the write are
 * one atomic statement; zero rows updated means 412 (or 404 if the row is gone or out of scope).
 */
export declare function etagOf(version: number | string): string;
export declare function setEtag(reply: FastifyReply, version: number | string): FastifyReply;
/** 304 check for GET: true when the client's If-None-Match already names the current version. */
export declare function isNotModified(request: FastifyRequest, version: number | string): boolean;
/**
 * The version named by `If-Match` (428 when absent). `*` returns null: any current version matches.
 * A malformed or weak tag can never match a strong one: 412.
 */
export declare function requiredIfMatchVersion(request: FastifyRequest): number | null;
/** For code that read the row first: 428 without If-Match, 412 when it names another version. */
export declare function assertIfMatch(request: FastifyRequest, currentVersion: number): void;

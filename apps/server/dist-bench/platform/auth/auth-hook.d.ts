import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/index.js';
import type { Principal } from './principal.js';
export declare const ACCESS_TOKEN_PREFIX = "mlg_";
/** A session found by its cookie: who it is and the token unsafe requests must echo. */
export interface SessionCredentials {
    principal: Principal;
    csrfToken: string;
}
/**
 * How credentials become a principal; implemented by the identity module, which owns the tables.
 * The kernel only knows the transport: cookie, bearer token, CSRF.
 */
export interface CredentialResolver {
    /** null when the session is unknown, expired or its user deactivated. */
    fromSession(sessionToken: string, request: FastifyRequest): Promise<SessionCredentials | null>;
    /** null when the token is unknown, expired, revoked or its owner deactivated. */
    fromAccessToken(token: string, request: FastifyRequest): Promise<Principal | null>;
}
declare module 'fastify' {
    interface FastifyContextConfig {
        /** false exempts a cookie-authenticated unsafe route from the CSRF check (login only). */
        csrf?: boolean;
    }
}
/**
 * Resolves `request.principal` for every request: a Bearer personal access token, else the session
 * cookie. Cookie-authenticated unsafe requests must send X-CSRF-Token equal to the session's token.
 */
export declare function registerAuth(app: FastifyInstance, config: Pick<AppConfig, 'publicUrl' | 'sessionTtlMinutes'>, resolver: CredentialResolver): void;

import type { CookieSerializeOptions } from '@fastify/cookie';
import type { AppConfig } from '../config/index.js';
export declare const SESSION_COOKIE = "maillage_session";
export declare const CSRF_HEADER = "x-csrf-token";
/** httpOnly so scripts cannot read it; SameSite=Lax against cross-site posts; Secure behind https. */
export declare function sessionCookieOptions(config: Pick<AppConfig, 'publicUrl' | 'sessionTtlMinutes'>): CookieSerializeOptions;

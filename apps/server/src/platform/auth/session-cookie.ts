import type { CookieSerializeOptions } from '@fastify/cookie';
import type { AppConfig } from '../config/index.js';

export const SESSION_COOKIE = 'maillage_session';
export const CSRF_HEADER = 'x-csrf-token';

/** httpOnly so scripts cannot read it; SameSite=Lax against cross-site posts; Secure behind https. */
export function sessionCookieOptions(config: Pick<AppConfig, 'publicUrl' | 'sessionTtlMinutes'>): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https:'),
    path: '/',
    maxAge: config.sessionTtlMinutes * 60,
  };
}

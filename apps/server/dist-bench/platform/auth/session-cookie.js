export const SESSION_COOKIE = 'maillage_session';
export const CSRF_HEADER = 'x-csrf-token';
/** httpOnly so scripts cannot read it; SameSite=Lax against cross-site posts; Secure behind https. */
export function sessionCookieOptions(config) {
    return {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.publicUrl.startsWith('https:'),
        path: '/',
        maxAge: config.sessionTtlMinutes * 60,
    };
}
//# sourceMappingURL=session-cookie.js.map
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
/** The Angular build, from apps/server/{src,dist}/platform/spa: same depth in both trees. */
export const DEFAULT_BACKOFFICE_DIR = fileURLToPath(new URL('../../../../backoffice/dist/browser', import.meta.url));
// Angular names bundles `<name>-<HASH>.{js,css}` (8 upper-case base32 characters): their content
// never changes under that name, so browsers may keep them for a year.
const HASHED_ASSET = /-[A-Z0-9]{8}\.(?:js|css|mjs)$/;
// Paths the SPA must never answer: the API and the public sites have their own 404s.
const SERVER_PREFIXES = ['/api/', '/api', '/sites/', '/sites'];
const INDEX_CACHE = 'no-cache';
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
const OTHER_ASSET_CACHE = 'public, max-age=3600';
/**
 * Serves the built back-office at `/`: static files, then index.html for any other GET that is not
 * an API or public-site path (client-side routes such as /admin/users survive a reload).
 * Without a build (fresh clone before `npm run build -w apps/backoffice`) the API runs alone.
 */
export async function registerBackoffice(app, config) {
    const root = resolve(config.backofficeDir ?? DEFAULT_BACKOFFICE_DIR);
    if (!existsSync(join(root, 'index.html'))) {
        app.log.warn({ root }, 'back-office build not found: serving the API only (run `npm run build -w apps/backoffice`)');
        return;
    }
    await app.register(fastifyStatic, {
        root,
        prefix: '/',
        // One route per file found at boot, so the SPA fallback below can own the wildcard.
        wildcard: false,
        index: false,
        cacheControl: false,
        setHeaders: (response, path) => {
            response.setHeader('cache-control', cacheControlFor(path));
        },
    });
    const sendIndex = (reply) => reply.header('cache-control', INDEX_CACHE).type('text/html; charset=utf-8').sendFile('index.html', root, { cacheControl: false });
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
        const path = request.url.split('?')[0] ?? '/';
        // A missing asset (stale chunk after a deploy) is a real 404, not the app shell.
        if (isServerPath(path) || basename(path).includes('.'))
            return reply.callNotFound();
        return sendIndex(reply);
    });
}
export function cacheControlFor(path) {
    if (basename(path) === 'index.html')
        return INDEX_CACHE;
    return HASHED_ASSET.test(path) ? IMMUTABLE_CACHE : OTHER_ASSET_CACHE;
}
function isServerPath(path) {
    return SERVER_PREFIXES.some((prefix) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix));
}
//# sourceMappingURL=backoffice.js.map
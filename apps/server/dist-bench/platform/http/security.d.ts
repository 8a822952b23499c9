import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/index.js';
/**
 * The Content-Security-Policy of every response, API and back-office alike (same origin).
 * - Scripts only from our origin: no inline script, no CDN (the API docs page ships its bundle).
 * - style-src keeps 'unsafe-inline': Angular injects component styles as <style> elements at run
 *   time and Angular Material/CDK set inline styles (overlays, ripples). Removing it needs the
 *   `ngCspNonce` attribute with a per-response nonce in index.html (see docs/api-conventions.md).
 * - img data: URIs for Material icons' and the docs page's inline images.
 */
export declare const CSP_DIRECTIVES: {
    defaultSrc: string[];
    baseUri: string[];
    connectSrc: string[];
    fontSrc: string[];
    formAction: string[];
    frameAncestors: string[];
    imgSrc: string[];
    objectSrc: string[];
    scriptSrc: string[];
    scriptSrcAttr: string[];
    styleSrc: string[];
    workerSrc: string[];
};
/** Headers a cross-origin back-office must be allowed to send and read. */
export declare const CORS_ALLOWED_HEADERS: string[];
export declare const CORS_EXPOSED_HEADERS: string[];
export declare function registerSecurity(app: FastifyInstance, config: Pick<AppConfig, 'publicUrl' | 'corsOrigins'>): Promise<void>;

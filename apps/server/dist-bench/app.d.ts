import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DestinationStream } from 'pino';
import type { AppConfig } from './platform/config/index.js';
import { type Database } from './platform/db/index.js';
import { type Metrics } from './platform/observability/index.js';
import { FieldCipher } from './platform/crypto/index.js';
import { EntityTreeCache } from './platform/tenancy/entity-tree.js';
import { type MessageBus } from './platform/bus/index.js';
import { FeatureFlags } from './platform/flags/index.js';
export interface AppContext {
    config: AppConfig;
    database: Database;
    /** This app's Prometheus registry and the recorders other parts feed (job bus: observeJob, setQueueStatsSource). */
    metrics: Metrics;
    /** Encrypts sensitive fields (TOTP secrets, …) with the configured keyring. */
    cipher: FieldCipher;
    /** In-memory network tree; whoever changes entities calls `entityTree.invalidate()` after commit. */
    entityTree: EntityTreeCache;
    /** Message bus: modules send inside their transactions and register handlers while the app is built. */
    bus: MessageBus;
    /** Feature flags (OpenFeature client and shortcuts); evaluation never queries the database. */
    flags: FeatureFlags;
}
export interface BuildAppOptions {
    /** An already open database (tests, CLI); otherwise opened from the configuration and closed with the app. */
    database?: Database;
    /** Where log lines go instead of stdout (tests that read the logs). */
    logStream?: DestinationStream;
    /**
     * Runs once the app is ready (system roles synced), with its context: main seeds an empty
     * database here (seed/first-start.ts), the seed CLI seeds on demand. Tests leave it unset.
     */
    afterReady?: (context: AppContext) => Promise<void>;
}
export declare function buildApp(config: AppConfig, options?: BuildAppOptions): Promise<Fastify.FastifyInstance<Fastify.RawServerDefault, import("http").IncomingMessage, import("http").ServerResponse<import("http").IncomingMessage>, Fastify.FastifyBaseLogger, TypeBoxTypeProvider>>;
export type App = Awaited<ReturnType<typeof buildApp>>;
export type { FastifyInstance };

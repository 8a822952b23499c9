import { type Env } from './env.js';
export type ProcessRole = 'web' | 'worker' | 'all';
export interface EncryptionKey {
    id: string;
    key: Buffer;
}
export interface AppConfig {
    nodeEnv: 'development' | 'production' | 'test';
    role: ProcessRole;
    host: string;
    port: number;
    dataDir: string;
    /** PostgreSQL connection string; undefined means embedded PGlite in dataDir. */
    databaseUrl: string | undefined;
    databasePoolSize: number;
    logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
    sessionSecret: string;
    sessionTtlMinutes: number;
    /** First key encrypts; every key decrypts (rotation keeps old ones until re-encryption is done). */
    encryptionKeys: EncryptionKey[];
    blindIndexKey: Buffer;
    corsOrigins: string[];
    trustProxy: boolean;
    demoPassword: string | undefined;
    otlpEndpoint: string | undefined;
    /** Bearer token required to read /metrics; undefined leaves /metrics open (scraping on a private network). */
    metricsToken: string | undefined;
    publicUrl: string;
    backofficeDir: string | undefined;
}
export declare function loadConfig(env?: Env, argv?: string[]): AppConfig;

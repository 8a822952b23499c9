import { resolve } from 'node:path';
import { ConfigError, readBoolean, readChoice, readInteger, readList, readSetting, type Env } from './env.js';
import { readMediaSettings, type MediaSettings } from './media-settings.js';
import { readAiSettings, type AiSettings } from './ai-settings.js';
import { readBusSettings, type BusSettings } from './bus-settings.js';
import { readHttpTimeouts, type HttpTimeouts } from './http-settings.js';
import { readImportSettings, type ImportSettings } from './import-settings.js';

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
  /** Days between flagging an inactive prospect for retention and anonymising it (GDPR storage limitation). */
  personRetentionNoticeDays: number;
  /** Slow-client protection: request and idle socket timeouts. */
  http: HttpTimeouts;
  /** Job liveness: heartbeat of running jobs and how often dead workers' jobs are reclaimed. */
  bus: BusSettings;
  /** Media library: upload size limit and optional S3-compatible storage (media-settings.ts). */
  media: MediaSettings;
  /** CRM imports: how much of uploaded files one process checks at once (import-settings.ts). */
  imports: ImportSettings;
  /** Outgoing mail server (platform/mail); undefined is embedded mode: mail is kept in the outbox, not sent. */
  smtp: SmtpSettings | undefined;
  /** Sender of outgoing mail, e.g. `Maillage <no-reply@example.org>`. */
  mailFrom: string;
  /** AI Hub: default generation provider, rate limit, journal retention (ai-settings.ts). */
  ai: AiSettings;
}

/** `SMTP_URL` (smtp:// or smtps://, credentials included) or host/port/user/password. */
export type SmtpSettings = { url: string } | { host: string; port: number; secure: boolean; user: string | undefined; password: string | undefined };

// Development defaults keep a fresh clone working; production refuses them (see assertProductionSafe).
const DEV_SESSION_SECRET = 'dev-only-session-secret-change-me-0000000000';
const DEV_ENCRYPTION_KEYS = 'dev:ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzJieXRlcyE=';
const DEV_BLIND_INDEX_KEY = 'ZGV2LW9ubHktYmxpbmQtaW5kZXgta2V5LTMyYnl0ZSE=';

export function loadConfig(env: Env = process.env, argv: string[] = process.argv): AppConfig {
  const nodeEnv = readChoice(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = readInteger(env, 'PORT', 3000, 0, 65535);
  const sessionSecret = readSetting(env, 'SESSION_SECRET') ?? DEV_SESSION_SECRET;
  const encryptionKeys = parseKeyring(readSetting(env, 'ENCRYPTION_KEYS') ?? DEV_ENCRYPTION_KEYS);
  const blindIndexKey = parseKey('BLIND_INDEX_KEY', readSetting(env, 'BLIND_INDEX_KEY') ?? DEV_BLIND_INDEX_KEY);
  const config: AppConfig = {
    nodeEnv,
    role: parseRole(argv, env),
    host: readSetting(env, 'HOST') ?? '0.0.0.0',
    port,
    dataDir: resolve(readSetting(env, 'DATA_DIR') ?? './data'),
    databaseUrl: parseDatabaseUrl(readSetting(env, 'DATABASE_URL')),
    databasePoolSize: readInteger(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    logLevel: readChoice(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    sessionSecret,
    sessionTtlMinutes: readInteger(env, 'SESSION_TTL_MINUTES', 8 * 60, 5, 30 * 24 * 60),
    encryptionKeys,
    blindIndexKey,
    corsOrigins: readList(env, 'CORS_ORIGINS'),
    trustProxy: readBoolean(env, 'TRUST_PROXY', false),
    demoPassword: readSetting(env, 'MAILLAGE_DEMO_PASSWORD'),
    otlpEndpoint: readSetting(env, 'OTEL_EXPORTER_OTLP_ENDPOINT'),
    metricsToken: readSetting(env, 'METRICS_TOKEN'),
    publicUrl: readSetting(env, 'PUBLIC_URL') ?? `http://localhost:${port}`,
    backofficeDir: readSetting(env, 'BACKOFFICE_DIR'),
    personRetentionNoticeDays: readInteger(env, 'PERSON_RETENTION_NOTICE_DAYS', 30, 0, 3650),
    http: readHttpTimeouts(env),
    bus: readBusSettings(env),
    media: readMediaSettings(env),
    imports: readImportSettings(env),
    smtp: parseSmtp(env),
    mailFrom: readSetting(env, 'MAIL_FROM') ?? 'Maillage <no-reply@maillage.localhost>',
    ai: readAiSettings(env),
  };
  if (sessionSecret.length < 32) throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters long');
  if (config.metricsToken !== undefined && config.metricsToken.length < 16) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters long');
  }
  assertKeysSeparate(config);
  if (nodeEnv === 'production') assertProductionSafe(config);
  return config;
}

/** Every development default still in use is named at once, so that one restart fixes them all. */
function assertProductionSafe(config: AppConfig): void {
  const devEncryptionKey = parseKeyring(DEV_ENCRYPTION_KEYS)[0]!.key;
  const defaults = [
    config.sessionSecret === DEV_SESSION_SECRET ? 'SESSION_SECRET' : null,
    config.encryptionKeys.some((k) => k.key.equals(devEncryptionKey)) ? 'ENCRYPTION_KEYS' : null,
    config.blindIndexKey.equals(parseKey('BLIND_INDEX_KEY', DEV_BLIND_INDEX_KEY)) ? 'BLIND_INDEX_KEY' : null,
  ].filter((name) => name !== null);
  if (defaults.length > 0) {
    throw new ConfigError(defaults.join(', '), `must be set in production (the development default${defaults.length > 1 ? 's are' : ' is'} refused)`);
  }
}

/** One key, one purpose: a blind index computed with an encryption key would weaken both. */
function assertKeysSeparate(config: AppConfig): void {
  if (config.encryptionKeys.some((k) => k.key.equals(config.blindIndexKey))) {
    throw new ConfigError('BLIND_INDEX_KEY', 'must differ from every key of ENCRYPTION_KEYS');
  }
}

function parseRole(argv: string[], env: Env): ProcessRole {
  const flag = argv.find((arg) => arg.startsWith('--role='))?.slice('--role='.length);
  const role = flag ?? readSetting(env, 'MAILLAGE_ROLE') ?? 'all';
  if (role !== 'web' && role !== 'worker' && role !== 'all') {
    throw new ConfigError('--role', `must be web, worker or all (got "${role}")`);
  }
  return role;
}

function parseDatabaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  return raw;
}

/** Keyring format: `id:base64key,id2:base64key`; each key is 32 bytes (AES-256). */
function parseKeyring(raw: string): EncryptionKey[] {
  const keys = raw.split(',').map((entry) => {
    const [id, material] = entry.trim().split(':');
    if (!id || !material || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      throw new ConfigError('ENCRYPTION_KEYS', 'must be a comma-separated list of id:base64key');
    }
    return { id, key: parseKey('ENCRYPTION_KEYS', material) };
  });
  if (new Set(keys.map((k) => k.id)).size !== keys.length) {
    throw new ConfigError('ENCRYPTION_KEYS', 'has two keys with the same id');
  }
  return keys;
}

function parseKey(variable: string, base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new ConfigError(variable, 'must hold 32 bytes encoded in base64');
  return key;
}

function parseSmtp(env: Env): SmtpSettings | undefined {
  const url = readSetting(env, 'SMTP_URL');
  const host = readSetting(env, 'SMTP_HOST');
  if (url !== undefined && host !== undefined) throw new ConfigError('SMTP_URL', 'and SMTP_HOST are both set; keep one');
  if (url !== undefined) {
    if (!/^smtps?:\/\//.test(url)) throw new ConfigError('SMTP_URL', 'must start with smtp:// or smtps://');
    return { url };
  }
  // Read up front, so every variable is validated (and documented) whether or not SMTP_HOST is set.
  const port = readInteger(env, 'SMTP_PORT', 587, 1, 65535);
  const secure = readBoolean(env, 'SMTP_SECURE', port === 465);
  const user = readSetting(env, 'SMTP_USER');
  const password = readSetting(env, 'SMTP_PASSWORD');
  if (host === undefined) return undefined;
  return { host, port, secure, user, password };
}

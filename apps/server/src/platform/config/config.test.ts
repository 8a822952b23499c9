import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

const key = () => randomBytes(32).toString('base64');
const productionSecrets = () => ({
  SESSION_SECRET: randomBytes(48).toString('base64'),
  ENCRYPTION_KEYS: `k2026:${key()}`,
  BLIND_INDEX_KEY: key(),
});
// The development defaults, as someone might copy them from the source into a production file.
const DEV = {
  SESSION_SECRET: 'dev-only-session-secret-change-me-0000000000',
  ENCRYPTION_KEYS: 'dev:ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzJieXRlcyE=',
  BLIND_INDEX_KEY: 'ZGV2LW9ubHktYmxpbmQtaW5kZXgta2V5LTMyYnl0ZSE=',
};

function configError(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('starts with no variable at all for development', () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({ nodeEnv: 'development', port: 3000, role: 'all', databaseUrl: undefined });
  });

  describe('in production', () => {
    it.each(['SESSION_SECRET', 'ENCRYPTION_KEYS', 'BLIND_INDEX_KEY'] as const)('refuses to start without %s, naming it', (variable) => {
      const env: Record<string, string> = { NODE_ENV: 'production', ...productionSecrets() };
      delete env[variable];
      const error = configError(() => loadConfig(env, []));
      expect(error.variable).toBe(variable);
      expect(error.message).toContain(variable);
      expect(error.message).toMatch(/must be set in production/);
    });

    it.each(['SESSION_SECRET', 'ENCRYPTION_KEYS', 'BLIND_INDEX_KEY'] as const)('refuses the development value of %s given explicitly', (variable) => {
      const error = configError(() => loadConfig({ NODE_ENV: 'production', ...productionSecrets(), [variable]: DEV[variable] }, []));
      expect(error.message).toContain(variable);
    });

    it('refuses a keyring that still holds the development key, even behind a new one', () => {
      const error = configError(() => loadConfig({ NODE_ENV: 'production', ...productionSecrets(), ENCRYPTION_KEYS: `k2026:${key()},${DEV.ENCRYPTION_KEYS}` }, []));
      expect(error.variable).toBe('ENCRYPTION_KEYS');
    });

    it('names every missing secret at once', () => {
      const error = configError(() => loadConfig({ NODE_ENV: 'production' }, []));
      expect(error.message).toMatch(/SESSION_SECRET, ENCRYPTION_KEYS, BLIND_INDEX_KEY must be set in production/);
    });

    it('starts with real secrets', () => {
      const secrets = productionSecrets();
      const config = loadConfig({ NODE_ENV: 'production', ...secrets }, []);
      expect(config.sessionSecret).toBe(secrets.SESSION_SECRET);
      expect(config.encryptionKeys.map((k) => k.id)).toEqual(['k2026']);
    });
  });

  describe('mounted secrets (NAME_FILE)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'maillage-config-'));
    const mount = (name: string, content: string) => {
      const path = join(directory, name);
      writeFileSync(path, content);
      return path;
    };

    it('reads each secret from its file, trimming the trailing newline', () => {
      const secrets = productionSecrets();
      const config = loadConfig(
        {
          NODE_ENV: 'production',
          SESSION_SECRET_FILE: mount('session', `${secrets.SESSION_SECRET}\n`),
          ENCRYPTION_KEYS_FILE: mount('keys', `${secrets.ENCRYPTION_KEYS}\n`),
          BLIND_INDEX_KEY_FILE: mount('blind', `${secrets.BLIND_INDEX_KEY}\n`),
          DATABASE_URL_FILE: mount('database', 'postgres://maillage:s3cret@db:5432/maillage\n'),
          PORT_FILE: mount('port', '8080'),
        },
        [],
      );
      expect(config.sessionSecret).toBe(secrets.SESSION_SECRET);
      expect(config.blindIndexKey.toString('base64')).toBe(secrets.BLIND_INDEX_KEY);
      expect(config.databaseUrl).toBe('postgres://maillage:s3cret@db:5432/maillage');
      expect(config.port).toBe(8080);
    });

    it('refuses a variable given both directly and as a file', () => {
      const error = configError(() => loadConfig({ SESSION_SECRET: 'x'.repeat(40), SESSION_SECRET_FILE: mount('both', 'y'.repeat(40)) }, []));
      expect(error.message).toMatch(/SESSION_SECRET and SESSION_SECRET_FILE are both set/);
    });

    it('names the _FILE variable when its file cannot be read', () => {
      const error = configError(() => loadConfig({ ENCRYPTION_KEYS_FILE: join(directory, 'missing') }, []));
      expect(error.variable).toBe('ENCRYPTION_KEYS_FILE');
    });
  });

  describe('malformed values', () => {
    it.each(['80a', '-1', '70000', '3.5'])('names PORT for "%s"', (port) => {
      const error = configError(() => loadConfig({ PORT: port }, []));
      expect(error.variable).toBe('PORT');
      expect(error.message).toMatch(/^Invalid configuration: PORT /);
    });

    it('names the variable and never echoes a secret it could not parse', () => {
      const short = configError(() => loadConfig({ ENCRYPTION_KEYS: 'k1:c2hvcnQta2V5' }, []));
      expect(short.message).toMatch(/ENCRYPTION_KEYS must hold 32 bytes/);
      expect(short.message).not.toContain('c2hvcnQta2V5');
      const url = configError(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/x' }, []));
      expect(url.variable).toBe('DATABASE_URL');
      expect(url.message).not.toContain('hunter2');
      expect(configError(() => loadConfig({ SESSION_SECRET: 'too-short' }, [])).message).not.toContain('too-short');
    });

    it('refuses a blind index key that is also an encryption key', () => {
      const shared = key();
      const error = configError(() => loadConfig({ ENCRYPTION_KEYS: `k1:${shared}`, BLIND_INDEX_KEY: shared }, []));
      expect(error.variable).toBe('BLIND_INDEX_KEY');
    });

    it.each([
      ['LOG_LEVEL', 'verbose'],
      ['TRUST_PROXY', 'maybe'],
      ['DATABASE_POOL_SIZE', '0'],
      ['SESSION_TTL_MINUTES', 'forever'],
      ['NODE_ENV', 'staging'],
      ['MAILLAGE_ROLE', 'cron'],
    ])('names %s when it is malformed', (variable, value) => {
      expect(configError(() => loadConfig({ [variable]: value }, [])).message).toContain(variable === 'MAILLAGE_ROLE' ? 'role' : variable);
    });
  });

  it('reads how much of uploaded import files one process checks at once, and names a bad value', () => {
    expect(loadConfig({}, []).imports).toEqual({ dryRunBudgetBytes: 64 * 1024 * 1024, dryRunWaitSeconds: 10 });
    expect(loadConfig({ IMPORT_DRY_RUN_BUDGET_MB: '128', IMPORT_DRY_RUN_WAIT_SECONDS: '0' }, []).imports).toEqual({ dryRunBudgetBytes: 128 * 1024 * 1024, dryRunWaitSeconds: 0 });
    expect(configError(() => loadConfig({ IMPORT_DRY_RUN_BUDGET_MB: '0' }, [])).variable).toBe('IMPORT_DRY_RUN_BUDGET_MB');
  });

  it('documents in .env.example every variable it reads, and no other', () => {
    const read = new Set<string>();
    const spy = new Proxy({} as Record<string, string | undefined>, {
      get: (_target, name) => {
        if (typeof name === 'string') read.add(name.replace(/_FILE$/, ''));
        return undefined;
      },
    });
    loadConfig(spy, []);
    const example = readFileSync(new URL('../../../../../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!));
    expect([...documented].sort()).toEqual([...read].sort());
  });
});

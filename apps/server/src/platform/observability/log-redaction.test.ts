import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createObservedApp, type ObservedApp } from '../../test/observed-app.js';

/**
 * No secret ever reaches a log line: neither what callers send (credentials in headers, cookies,
 * bodies) nor the server's own keys, even when code logs carelessly or an error carries values.
 */
describe('logs never contain secrets', () => {
  let t: ObservedApp;
  const secret = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;
  const encryptionKey = randomBytes(32);
  const blindIndexKey = randomBytes(32);
  const sent = {
    bearer: secret('bearer'),
    cookie: secret('cookie'),
    csrf: secret('csrf'),
    password: secret('password'),
    token: secret('token'),
    newPassword: secret('newpassword'),
    totp: secret('totp'),
  };
  const server = {
    sessionSecret: secret('session-secret-long-enough'),
    metricsToken: secret('metrics'),
    demoPassword: secret('demo'),
    databasePassword: secret('dbpass'),
  };

  beforeAll(async () => {
    t = await createObservedApp(
      {
        LOG_LEVEL: 'trace',
        SESSION_SECRET: server.sessionSecret,
        ENCRYPTION_KEYS: `k1:${encryptionKey.toString('base64')}`,
        BLIND_INDEX_KEY: blindIndexKey.toString('base64'),
        METRICS_TOKEN: server.metricsToken,
        MAILLAGE_DEMO_PASSWORD: server.demoPassword,
      },
      (app) => {
        // What careless code might do: log the whole configuration, the body, or fail with an
        // error whose properties quote the values it was handling.
        app.post('/test/careless', async (request) => {
          request.log.warn({ body: request.body, headers: { ...request.headers, ...credentials } }, 'careless body log');
          request.log.warn({ request: { headers: credentials } }, 'careless nested headers log');
          request.log.warn({ config: loggedConfig() }, 'careless config log');
          throw Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
            code: '23505',
            detail: `Key (token)=(${sent.token}) already exists.`,
            where: `password = ${sent.password}`,
            password: sent.password,
          });
        });
      },
    );
  });
  afterAll(() => t.close());

  // The configuration's secret-bearing fields, with a connection string carrying a password.
  const loggedConfig = () => ({
    nodeEnv: 'test',
    sessionSecret: server.sessionSecret,
    encryptionKeys: [{ id: 'k1', key: encryptionKey }],
    blindIndexKey,
    metricsToken: server.metricsToken,
    demoPassword: server.demoPassword,
    databaseUrl: `postgres://maillage:${server.databasePassword}@db:5432/maillage`,
  });

  const credentials = {
    authorization: `Bearer ${sent.bearer}`,
    cookie: `maillage_session=${sent.cookie}`,
    'x-csrf-token': sent.csrf,
  };
  const body = { email: 'jean@example.fr', password: sent.password, token: sent.token, newPassword: sent.newPassword, totp: sent.totp };

  it('keeps credentials, bodies and keys out of every line', async () => {
    await t.app.inject({ method: 'GET', url: '/livez', headers: credentials });
    await t.app.inject({ method: 'POST', url: '/api/v1/nothing-here', headers: credentials, payload: body });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: credentials, payload: { email: body.email, password: sent.password } });
    await t.app.inject({ method: 'GET', url: `/api/v1/audit-events?filter[resourceId]=${sent.token}`, headers: credentials });
    // Without credentials: an invalid session would be refused (401) before the route runs.
    const failed = await t.app.inject({ method: 'POST', url: '/test/careless', headers: { 'x-csrf-token': sent.csrf }, payload: body });
    expect(failed.statusCode).toBe(500);

    const output = t.logLines.map((line) => JSON.stringify(line)).join('\n');
    // The capture works: the careless lines and the 500 were logged.
    expect(output).toContain('careless config log');
    expect(t.logLines.some((line) => line.status === 500 || (line.err as { code?: string } | undefined)?.code === '23505')).toBe(true);

    const forbidden = [
      ...Object.values(sent),
      server.sessionSecret,
      server.metricsToken,
      server.demoPassword,
      server.databasePassword,
      encryptionKey.toString('base64'),
      blindIndexKey.toString('base64'),
      // A Buffer logged as JSON shows its bytes.
      JSON.stringify([...encryptionKey]).slice(1, -1),
      JSON.stringify([...blindIndexKey]).slice(1, -1),
    ];
    for (const value of forbidden) expect(output).not.toContain(value);
  });
});

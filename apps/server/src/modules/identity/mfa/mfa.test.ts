import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config/index.js';
import { FieldCipher, listEncryptedColumns, rotateEncryptionKeys } from '../../../platform/crypto/index.js';
import { withOwnerClient } from '../../../platform/db/index.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createSmallNetwork, type NetworkFixture } from '../../../test/factories/entities.js';
import { createUser, signIn, TEST_PASSWORD } from '../../../test/auth.js';

describe('TOTP second factor', () => {
  let t: TestApp;
  let network: NetworkFixture;
  const login = (email: string, totp?: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD, ...(totp ? { totp } : {}) } });
  // A code for a later 30-second period: accepted (one period of drift) and never a replay of an earlier one.
  const codeAt = (secret: string, periodsAhead: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + periodsAhead * 30 });

  beforeAll(async () => {
    t = await createTestApp();
    network = await createSmallNetwork(t.testDatabase.database);
    await createUser(t, { email: 'admin.75@example.test', roleCode: 'branch_admin', entityId: network.ids['75']! });
  });
  afterAll(() => t.close());

  const enrol = async (email: string) => {
    const session = await signIn(t.app, email);
    const enrolment = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/totp/enrol', headers: session.headers('POST') });
    expect(enrolment.statusCode).toBe(200);
    const { secret, otpauthUri } = enrolment.json<{ secret: string; otpauthUri: string }>();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Maillage:/);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/totp/activate', headers: session.headers('POST'), payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(422);
    const activation = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/totp/activate',
      headers: session.headers('POST'),
      payload: { code: await generate({ secret }) },
    });
    expect(activation.statusCode).toBe(200);
    return { secret, recoveryCodes: activation.json<{ recoveryCodes: string[] }>().recoveryCodes };
  };

  it('enrols, activates, then requires and accepts a code at sign-in, never twice the same', async () => {
    const user = await createUser(t, { email: 'careful@example.test', roleCode: 'viewer', entityId: network.ids['75']! });
    const { secret, recoveryCodes } = await enrol(user.email);
    expect(recoveryCodes).toHaveLength(10);
    const { rows } = await withOwnerClient(t.testDatabase.database, (client) => client.query<{ totp_secret: string }>('SELECT totp_secret FROM users WHERE id = $1', [user.id]));
    expect(rows[0]!.totp_secret).not.toContain(secret); // stored encrypted

    const without = await login(user.email);
    expect(without.statusCode).toBe(401);
    expect(without.json().code).toBe('mfa_required');
    const code = await codeAt(secret, 1);
    expect((await login(user.email, code)).statusCode).toBe(200);
    const replay = await login(user.email, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_mfa_code');
  });

  it('accepts each recovery code once', async () => {
    const user = await createUser(t, { email: 'lost-phone@example.test', roleCode: 'viewer', entityId: network.ids['75']! });
    const { recoveryCodes } = await enrol(user.email);
    const code = recoveryCodes[0]!;
    expect((await login(user.email, code.toUpperCase())).statusCode).toBe(200);
    const again = await login(user.email, code);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('invalid_mfa_code');
    expect((await login(user.email, recoveryCodes[1]!.replace('-', ''))).statusCode).toBe(200);
  });

  it('refuses a second enrolment and lets an administrator reset MFA', async () => {
    const user = await createUser(t, { email: 'reset-me@example.test', roleCode: 'viewer', entityId: network.ids['75']! });
    const { secret } = await enrol(user.email);
    const session = await signIn(t.app, user.email, TEST_PASSWORD, await codeAt(secret, 1));
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/totp/enrol', headers: session.headers('POST') });
    expect(again.statusCode).toBe(409);

    const admin = await signIn(t.app, 'admin.75@example.test');
    const reset = await t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/mfa-reset`, headers: admin.headers('POST') });
    expect(reset.statusCode).toBe(204);
    expect((await login(user.email)).statusCode).toBe(200);
  });

  it('counts wrong codes towards the lockout', async () => {
    const user = await createUser(t, { email: 'guessed@example.test', roleCode: 'viewer', entityId: network.ids['75']! });
    await enrol(user.email);
    for (let attempt = 1; attempt <= 4; attempt += 1) expect((await login(user.email, '123456')).json().code).toBe('invalid_mfa_code');
    expect((await login(user.email, '123456')).json().code).toBe('account_locked');
  });

  it('keeps TOTP secrets readable after a key rotation, re-encrypted under the new key', async () => {
    const user = await createUser(t, { email: 'rotated@example.test', roleCode: 'viewer', entityId: network.ids['75']! });
    const { secret } = await enrol(user.email);
    const current = loadConfig({ NODE_ENV: 'test' }, []);
    const rotated = new FieldCipher([{ id: 'next', key: randomBytes(32) }, ...current.encryptionKeys], current.blindIndexKey);
    const totpColumn = listEncryptedColumns().filter((column) => column.table === 'users' && column.column === 'totp_secret');
    expect(totpColumn).toHaveLength(1);
    await rotateEncryptionKeys(t.testDatabase.database, rotated, { columns: totpColumn });
    const { rows } = await withOwnerClient(t.testDatabase.database, (client) => client.query<{ totp_secret: string }>('SELECT totp_secret FROM users WHERE id = $1', [user.id]));
    expect(rows[0]!.totp_secret.startsWith('next:')).toBe(true);
    expect(rotated.decrypt(rows[0]!.totp_secret)).toBe(secret);
  });
});

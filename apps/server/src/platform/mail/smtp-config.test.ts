import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';

const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }, []);

describe('SMTP settings', () => {
  it('is embedded mode without SMTP_URL or SMTP_HOST', () => {
    expect(load({}).smtp).toBeUndefined();
    expect(load({}).mailFrom).toBe('Maillage <no-reply@maillage.localhost>');
  });

  it('reads a URL, or host/port/user/password with _FILE secrets', () => {
    expect(load({ SMTP_URL: 'smtps://u:p@mail.example.org:465', MAIL_FROM: 'Union <a@b.fr>' })).toMatchObject({ smtp: { url: 'smtps://u:p@mail.example.org:465' }, mailFrom: 'Union <a@b.fr>' });
    const secret = join(mkdtempSync(join(tmpdir(), 'smtp-')), 'password');
    writeFileSync(secret, 's3cret\n');
    expect(load({ SMTP_HOST: 'mail.example.org', SMTP_USER: 'union', SMTP_PASSWORD_FILE: secret }).smtp).toEqual({
      host: 'mail.example.org',
      port: 587,
      secure: false,
      user: 'union',
      password: 's3cret',
    });
    expect(load({ SMTP_HOST: 'mail.example.org', SMTP_PORT: '465' }).smtp).toMatchObject({ port: 465, secure: true });
  });

  it('refuses ambiguous or malformed settings, naming the variable', () => {
    expect(() => load({ SMTP_URL: 'smtp://a', SMTP_HOST: 'b' })).toThrow(/SMTP_URL/);
    expect(() => load({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL must start with smtp/);
    expect(() => load({ SMTP_HOST: 'mail.example.org', SMTP_PORT: '0' })).toThrow(/SMTP_PORT/);
  });
});

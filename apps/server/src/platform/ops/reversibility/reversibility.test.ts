import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditEvents, verifyAuditChain } from '../../audit/audit-chain.js';
import { FieldCipher } from '../../crypto/index.js';
import { newId, withOwnerClient, type Database } from '../../db/index.js';
import { createSmallNetwork, type NetworkFixture } from '../../../test/factories/entities.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { exportEntity } from './export-entity.js';
import type { ExportManifest } from './export-manifest.js';
import { importEntityExport } from './import-entity.js';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const ENCRYPTED = [{ table: 'users', idColumn: 'id', column: 'totp_secret' }];

function newCipher(id: string): FieldCipher {
  return new FieldCipher([{ id, key: randomBytes(32) }], randomBytes(32));
}

/** Two branches' worth of rows: Rhône (69, under R84) is exported, Paris (75, under R11) must not be. */
async function seedTwoBranches(database: Database, cipher: FieldCipher, dataDir: string): Promise<NetworkFixture & { people: Record<string, string> }> {
  const network = await createSmallNetwork(database);
  const { ids } = network;
  const people = { rhone: newId(), paris: newId(), national: newId(), role: newId() };
  const orgs = { rhone: newId(), paris: newId(), shared: newId() };
  await withOwnerClient(database, async (client) => {
    await client.query(`INSERT INTO roles (id, code, name, permissions) VALUES ($1, 'animateur', 'Animateur', ARRAY['entities.read'])`, [people.role]);
    const users: Array<[string, string, string, string | null]> = [
      [people.rhone, 'rhone@example.test', ids['69']!, cipher.encrypt(TOTP_SECRET)],
      [people.paris, 'paris@example.test', ids['75']!, null],
      [people.national, 'national@example.test', ids['FR']!, null],
    ];
    for (const [id, email, home, totp] of users) {
      await client.query(`INSERT INTO users (id, email, display_name, password_hash, home_entity_id, totp_secret) VALUES ($1, $2, $2, 'argon2-hash', $3, $4)`, [id, email, home, totp]);
    }
    for (const [user, entity] of [[people.rhone, ids['69']], [people.national, ids['69']], [people.paris, ids['75']]]) {
      await client.query('INSERT INTO grants (id, user_id, role_id, entity_id) VALUES ($1, $2, $3, $4)', [newId(), user, people.role, entity]);
    }
    await client.query(`INSERT INTO sessions (id, user_id, token_hash, csrf_token, expires_at) VALUES ($1, $2, 'hash', 'csrf', now() + interval '1 day')`, [newId(), people.rhone]);
    for (const [id, siren, name] of [[orgs.rhone, '111111111', 'Boulangerie "Le Fournil", Lyon'], [orgs.paris, '222222222', 'Atelier Paris'], [orgs.shared, '333333333', 'Groupe partagé']]) {
      await client.query('INSERT INTO organizations (id, siren, name) VALUES ($1, $2, $3)', [id, siren, name]);
    }
    for (const [org, entity, tags] of [[orgs.rhone, ids['69'], ['boulangerie', 'lyon']], [orgs.shared, ids['69'], []], [orgs.shared, ids['75'], []], [orgs.paris, ids['75'], []]] as const) {
      await client.query(`INSERT INTO organization_links (id, organization_id, entity_id, status, attached_by, tags) VALUES ($1, $2, $3, 'member', 'manual', $4)`, [newId(), org, entity, tags]);
    }
    for (const [entity, action] of [[ids['69'], 'crm.organization.created'], [ids['75'], 'crm.organization.created'], [null, 'platform.flag.updated']]) {
      await client.query(`INSERT INTO audit_events (id, entity_id, action, resource_type, changes) VALUES ($1, $2, $3, 'test', '{"note": "é \\"quoted\\""}')`, [newId(), entity, action]);
    }
  });
  await sealAuditEvents(database);
  for (const code of ['69', '75']) {
    await mkdir(join(dataDir, 'media', ids[code]!), { recursive: true });
    await writeFile(join(dataDir, 'media', ids[code]!, 'logo.png'), `logo of ${code}`);
  }
  return { ids, people };
}

function table(manifest: ExportManifest, name: string) {
  return manifest.tables.find((t) => t.name === name);
}

async function jsonl(directory: string, name: string): Promise<Array<Record<string, unknown>>> {
  return (await readFile(join(directory, 'tables', `${name}.jsonl`), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('entity export and import (reversibility)', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let workDir: string;
  let fixture: Awaited<ReturnType<typeof seedTwoBranches>>;
  let manifest: ExportManifest;
  const sourceCipher = newCipher('source');
  const targetCipher = newCipher('target');

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'maillage-export-test-'));
    source = await createTestDatabase({ migrated: true });
    // An empty instance: migrated, no rows.
    target = await createTestDatabase({ migrated: true });
    fixture = await seedTwoBranches(source.database, sourceCipher, join(workDir, 'source-data'));
    manifest = await exportEntity(source.database, {
      entityCode: 'R84',
      outputDir: join(workDir, 'export'),
      dataDir: join(workDir, 'source-data'),
      cipher: sourceCipher,
      encryptedColumns: ENCRYPTED,
    });
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  it("exports the subtree's rows and what they point to, never another branch's", async () => {
    const dir = join(workDir, 'export');
    const { ids, people } = fixture;
    expect((await jsonl(dir, 'entities')).map((e) => e.code).sort()).toEqual(['69', 'FR', 'R84']);
    expect((await jsonl(dir, 'users')).map((u) => u.id).sort()).toEqual([people.rhone, people.national].sort());
    expect((await jsonl(dir, 'organizations')).map((o) => o.siren)).toEqual(['111111111', '333333333']);
    expect((await jsonl(dir, 'organization_links')).every((link) => link.entity_id === ids['69'])).toBe(true);
    expect((await jsonl(dir, 'audit_events')).map((e) => e.entity_id)).toEqual([ids['69']]);
    expect(table(manifest, 'grants')?.rows).toBe(2);
    expect(table(manifest, 'roles')).toMatchObject({ role: 'reference', rows: 1 });
    expect(table(manifest, 'sessions')).toBeUndefined();
    expect(manifest.excluded.map((e) => e.name)).toContain('sessions');
    expect(manifest.media.map((m) => m.path)).toEqual([`media/${ids['69']}/logo.png`]);
  });

  it('writes encrypted fields in clear, CSV with a header, and no column the instance owns', async () => {
    const dir = join(workDir, 'export');
    expect(manifest.decryptedColumns).toEqual(['users.totp_secret']);
    expect((await jsonl(dir, 'users')).find((u) => u.id === fixture.people.rhone)?.totp_secret).toBe(TOTP_SECRET);
    const csv = await readFile(join(dir, 'tables', 'organizations.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(table(manifest, 'organizations')!.columns.map((c) => c.name).join(','));
    expect(csv).toContain('"Boulangerie ""Le Fournil"", Lyon"');
    expect(table(manifest, 'organizations')!.columns.map((c) => c.name)).not.toContain('search');
    expect(table(manifest, 'audit_events')!.columns.map((c) => c.name)).not.toContain('chain_hash');
  });

  it('imports into an empty instance and loses nothing: exporting it again gives the same files', async () => {
    const targetData = join(workDir, 'target-data');
    await importEntityExport(target.database, { inputDir: join(workDir, 'export'), dataDir: targetData, cipher: targetCipher });

    const again = await exportEntity(target.database, {
      entityCode: 'R84',
      outputDir: join(workDir, 'export-again'),
      dataDir: targetData,
      cipher: targetCipher,
      encryptedColumns: ENCRYPTED,
    });
    expect(again.tables).toEqual(manifest.tables);
    expect(again.media).toEqual(manifest.media);

    await withOwnerClient(target.database, async (client) => {
      const { rows } = await client.query<{ totp_secret: string }>('SELECT totp_secret FROM users WHERE id = $1', [fixture.people.rhone]);
      expect(rows[0]!.totp_secret.startsWith('target:')).toBe(true);
      expect(targetCipher.decrypt(rows[0]!.totp_secret)).toBe(TOTP_SECRET);
      const paths = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM entity_tree_paths');
      expect(paths.rows[0]!.n).toBe(6);
    });
    expect(await sealAuditEvents(target.database)).toBe(1);
    expect(await verifyAuditChain(target.database)).toMatchObject({ intact: true, count: 1 });
  });

  it('refuses a non-empty instance and an altered export', async () => {
    const options = { inputDir: join(workDir, 'export'), dataDir: join(workDir, 'target-data-2'), cipher: targetCipher };
    await expect(importEntityExport(target.database, options)).rejects.toThrow(/n'est pas vide \(.*entities/);
    await writeFile(join(workDir, 'export', 'tables', 'organizations.jsonl'), '{}\n', { flag: 'a' });
    await expect(importEntityExport(target.database, options)).rejects.toThrow(/Export altéré.*organizations\.jsonl/);
  });
});

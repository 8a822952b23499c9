import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient } from '../../../platform/db/index.js';
import { createMediaTestNetwork, type MediaTestNetwork } from '../../../test/factories/media.js';
import { noisyPng, smallPng } from '../../../test/factories/media-samples.js';
import { LocalMediaStorage } from './local-storage.js';
import { InsufficientStorageError } from './media-storage.js';

/** Every regular or temporary file left under `root`. */
async function filesUnder(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name));
}

/** Whether this process may mount a small tmpfs (root, or a container with CAP_SYS_ADMIN). */
function tryMountTmpfs(target: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', target], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('full disk during an upload (issue 8 fault test)', () => {
  it('the kernel answers ENOSPC (/dev/full): 507 error, no partial file, no temporary file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'maillage-media-full-'));
    try {
      // The temporary file resolves to /dev/full: every write(2) on it fails with ENOSPC, as on a full disk.
      const storage = new LocalMediaStorage(root, { temporaryPath: (finalPath) => join(dirname(finalPath), `.${basename(finalPath)}.tmp`) });
      const key = '0190a000-0000-7000-8000-000000000001/0190a000-0000-7000-8000-000000000002/original.png';
      await mkdir(dirname(storage.pathOf(key)), { recursive: true });
      await symlink('/dev/full', join(dirname(storage.pathOf(key)), '.original.png.tmp'));

      const failure = await storage.put(key, await smallPng(64, 64)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InsufficientStorageError);
      expect(failure).toMatchObject({ status: 507, message: expect.stringContaining('Espace disque insuffisant') });
      expect(await storage.exists(key)).toBe(false);
      expect(await filesUnder(root)).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  describe('through the API on a tiny filesystem', () => {
    let dataDir: string;
    let mounted = false;
    let n: MediaTestNetwork | undefined;

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'maillage-media-tmpfs-'));
      await mkdir(join(dataDir, 'media'));
      // 96 KiB: room for a small upload, not for a 250 KB one.
      mounted = tryMountTmpfs(join(dataDir, 'media'), '96k');
      if (!mounted) console.error('disk-full API test skipped: mounting a tmpfs needs root (the /dev/full test above still runs)');
      else n = await createMediaTestNetwork('media-full', {}, dataDir);
    }, 120_000);

    afterAll(async () => {
      await n?.close();
      if (mounted) execFileSync('umount', [join(dataDir, 'media')]);
      await rm(dataDir, { recursive: true, force: true });
    });

    it('answers 507 problem+json "Espace disque insuffisant", leaves no file and no row, then works again', async (context) => {
      if (!mounted || !n) return context.skip();
      const big = await noisyPng(300, 280);
      expect(big.length).toBeGreaterThan(200 * 1024);
      const response = await n.upload(n.staff.rhone, { name: 'panorama.png', content: big });
      expect(response.statusCode, response.body).toBe(507);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'insufficient_storage', status: 507, detail: expect.stringContaining('Espace disque insuffisant') });
      expect(await filesUnder(join(dataDir, 'media'))).toEqual([]);
      const rows = await withOwnerClient(n.t.testDatabase.database, (client) => client.query('SELECT count(*)::int AS n FROM media_files'));
      expect(rows.rows[0]).toEqual({ n: 0 });

      // The process is unaffected: a file that fits is stored.
      const small = await n.upload(n.staff.rhone, { name: 'petit.png', content: await smallPng(32, 32) });
      expect(small.statusCode, small.body).toBe(201);
      expect((await filesUnder(join(dataDir, 'media'))).length).toBe(2);
    });
  });
});

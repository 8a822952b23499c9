import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { assertStorageKey, InsufficientStorageError, isDiskFull, type MediaStorage } from './media-storage.js';

export interface LocalStorageOptions {
  /**
   * Name of the temporary file written next to `finalPath` before the rename. Tests point it at a
   * symbolic link to /dev/full to meet a real ENOSPC from the kernel.
   */
  temporaryPath?: (finalPath: string) => string;
}

/**
 * Files under one directory (DATA_DIR/media). A write goes to a temporary file in the same
 * directory, is flushed to disk (fsync), then renamed over the final name: the rename is atomic on
 * one filesystem, so a crash or a full disk never leaves a partial file under a key.
 */
export class LocalMediaStorage implements MediaStorage {
  readonly kind = 'local' as const;

  constructor(
    readonly root: string,
    private readonly options: LocalStorageOptions = {},
  ) {}

  pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.root, ...key.split('/'));
  }

  async put(key: string, content: Buffer): Promise<void> {
    const finalPath = this.pathOf(key);
    const temporary = this.options.temporaryPath?.(finalPath) ?? join(dirname(finalPath), `.${randomBytes(12).toString('hex')}.tmp`);
    let handle: FileHandle | undefined;
    try {
      await mkdir(dirname(finalPath), { recursive: true });
      handle = await open(temporary, 'w', 0o640);
      await handle.writeFile(content);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await rename(temporary, finalPath);
      await syncDirectory(dirname(finalPath));
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await rm(temporary, { force: true }).catch(() => undefined);
      if (isDiskFull(error)) throw new InsufficientStorageError();
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    const path = this.pathOf(key);
    if (!(await this.exists(key))) return null;
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }
}

/** Makes the rename itself durable (the directory entry), where the platform allows it. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

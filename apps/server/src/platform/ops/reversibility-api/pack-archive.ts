import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { packDirectory } from '../archive-files.js';

/**
 * Packs a directory as one gzip-compressed tar: the system tar writes the archive as the backups
 * do, zlib compresses it (JSON Lines and CSV shrink well), and the intermediate .tar is removed.
 */
export async function packTarGz(directory: string, archive: string): Promise<void> {
  const tar = `${archive}.partial.tar`;
  try {
    await packDirectory(directory, tar);
    await pipeline(createReadStream(tar), createGzip(), createWriteStream(archive));
  } finally {
    await rm(tar, { force: true });
  }
}

import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * An uploaded file written to a private temporary directory as it arrives: the dry run then reads
 * it as a stream, twice (rows, then storage), and never holds it as one Buffer (docs/perf.md).
 */
export interface SpooledFile {
  readonly fileName: string;
  readonly size: number;
  /** A new stream of the file's bytes in pieces of `pieceBytes`; destroy it when stopping early. */
  open(pieceBytes: number): ReadStream;
  /** Deletes the file; safe to call twice. */
  discard(): Promise<void>;
}

/** Writes `stream` to a new temporary file; the file is deleted again if writing fails. */
export async function spoolUpload(stream: Readable, fileName: string): Promise<SpooledFile> {
  const directory = await mkdtemp(join(tmpdir(), 'maillage-import-'));
  const path = join(directory, 'upload');
  const discard = () => rm(directory, { recursive: true, force: true });
  let size: number;
  try {
    await pipeline(stream, createWriteStream(path));
    size = (await stat(path)).size;
  } catch (error) {
    await discard();
    throw error;
  }
  return { fileName, size, open: (pieceBytes) => createReadStream(path, { highWaterMark: pieceBytes }), discard };
}

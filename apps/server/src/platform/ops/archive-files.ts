import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { cp, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface FileEntry {
  /** Path relative to the directory it was listed from, with `/` separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under `root`, sorted, with its size and hash; empty when `root` does not exist. */
export async function listFiles(root: string): Promise<FileEntry[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: FileEntry[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.push({ path: relative(root, full).split(sep).join('/'), bytes: (await stat(full)).size, sha256: await sha256File(full) });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Names each listed file that is missing or whose content changed under `root`. */
export async function verifyFiles(root: string, expected: readonly FileEntry[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of expected) {
    const full = join(root, ...file.path.split('/'));
    if (!existsSync(full)) problems.push(`${file.path}: missing`);
    else if ((await sha256File(full)) !== file.sha256) problems.push(`${file.path}: content differs (sha256)`);
  }
  return problems;
}

export async function copyDirectory(from: string, to: string): Promise<void> {
  if (existsSync(from)) await cp(from, to, { recursive: true, errorOnExist: true, force: false });
}

/**
 * The system `tar` (present on every Debian and in the Node images) writes a plain POSIX archive
 * any tool can open; the database dump inside is already compressed.
 */
export async function packDirectory(directory: string, archive: string): Promise<void> {
  await run('tar', ['--create', '--file', archive, '--directory', directory, '.']);
}

export async function unpackArchive(archive: string, directory: string): Promise<void> {
  await run('tar', ['--extract', '--file', archive, '--directory', directory, '--no-same-owner']);
}

export async function isEmptyDirectory(path: string): Promise<boolean> {
  return !existsSync(path) || (await readdir(path)).length === 0;
}

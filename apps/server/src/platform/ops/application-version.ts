import { readFileSync } from 'node:fs';

/** The server's version (apps/server/package.json, present in source trees and in the image alike), recorded in manifests. */
export function applicationVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return manifest.version ?? 'unknown';
}

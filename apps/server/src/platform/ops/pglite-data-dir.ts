import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Opens the embedded engine directly (not through the pool of platform/db), because backup and
 * restore need PGlite's own data-directory API. The extensions must be those the server loads,
 * or the catalog of the data directory would name ones this instance cannot use.
 */
export async function openRawPglite(directory: string, loadDataDir?: Blob): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  mkdirSync(directory, { recursive: true });
  return PGlite.create(directory, { extensions: { unaccent, pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
}

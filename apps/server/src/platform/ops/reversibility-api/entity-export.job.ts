import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Type } from 'typebox';
import { recordAudit, SYSTEM_ACTOR } from '../../audit/index.js';
import { defineMessage, type MessageBus } from '../../bus/index.js';
import { listEncryptedColumns, type FieldCipher } from '../../crypto/index.js';
import { withTransaction, type Database } from '../../db/index.js';
import { sha256File } from '../archive-files.js';
import { OpsError } from '../ops-error.js';
import { exportEntity } from '../reversibility/export-entity.js';
import type { ExportManifest } from '../reversibility/export-manifest.js';
import { findEntityCode, findEntityExport, markExportCompleted, markExportFailed, markExportRunning, type ExportSummary } from './entity-exports.repository.js';
import { EXPORTS_DIRECTORY, exportWorkDir } from './export-storage.js';
import { packTarGz } from './pack-archive.js';
import { purgeEntityExports } from './purge-entity-exports.js';

/** Sent by POST /api/v1/entity-exports inside the transaction that records the request. */
export const ENTITY_EXPORT_REQUESTED = defineMessage({
  name: 'platform.entity-export-requested',
  schema: Type.Object({ exportId: Type.String({ format: 'uuid' }) }),
  // Each attempt starts again from an empty directory, so retrying is safe.
  retryLimit: 2,
  expireInSeconds: 2 * 60 * 60,
});

export const PURGE_ENTITY_EXPORTS = defineMessage({
  name: 'platform.purge-entity-exports',
  schema: Type.Object({}),
  retryLimit: 1,
  deadLetter: false,
});

export interface EntityExportDeps {
  database: Database;
  dataDir: string;
  cipher: FieldCipher;
}

export function registerEntityExportJobs(bus: MessageBus, deps: EntityExportDeps): void {
  bus.handle(ENTITY_EXPORT_REQUESTED, ({ exportId }) => runEntityExport(deps, exportId));
  bus.handle(PURGE_ENTITY_EXPORTS, () => purgeEntityExports(deps).then(() => undefined));
  bus.schedule(PURGE_ENTITY_EXPORTS, '53 3 * * *', {});
}

/**
 * Writes the export (docs/reversibility.md) into DATA_DIR/exports/<id>/, packs it as one .tar.gz
 * and keeps only the archive (a single copy of data holding fields in clear). A completed export
 * is left alone; a failure marks it `failed` with a French reason and is rethrown so the bus retries.
 */
export async function runEntityExport(deps: EntityExportDeps, exportId: string): Promise<void> {
  const started = await withTransaction(deps.database, { kind: 'system' }, async (tx) => {
    const row = await findEntityExport(tx, exportId, { forUpdate: true });
    if (!row || row.status === 'completed') return null;
    await markExportRunning(tx, exportId);
    return { row, entityCode: await findEntityCode(tx, row.entity_id) };
  });
  if (!started) return;
  const { row, entityCode } = started;
  const workDir = exportWorkDir(deps.dataDir, exportId);
  try {
    if (!entityCode) throw new OpsError("La structure à exporter n'existe plus.");
    // Whatever an interrupted attempt left behind is discarded: exportEntity wants an empty directory.
    await rm(workDir, { recursive: true, force: true });
    const contentDir = join(workDir, 'content');
    const manifest = await exportEntity(deps.database, {
      entityCode,
      outputDir: contentDir,
      dataDir: deps.dataDir,
      cipher: deps.cipher,
      encryptedColumns: listEncryptedColumns(),
    });
    const fileName = archiveFileName(manifest.entity.code, exportId);
    await packTarGz(contentDir, join(workDir, fileName));
    await rm(contentDir, { recursive: true, force: true });
    const archive = join(workDir, fileName);
    const completed = {
      archivePath: `${EXPORTS_DIRECTORY}/${exportId}/${fileName}`,
      bytes: (await stat(archive)).size,
      sha256: await sha256File(archive),
      summary: summarise(manifest),
    };
    await withTransaction(deps.database, { kind: 'system' }, async (tx) => {
      await markExportCompleted(tx, exportId, completed);
      await recordAudit(tx, {
        action: 'platform.entity_export.completed',
        resourceType: 'entity_export',
        resourceId: exportId,
        entityId: row.entity_id,
        after: { bytes: completed.bytes, sha256: completed.sha256, ...completed.summary },
        actor: { ...SYSTEM_ACTOR, userId: row.requested_by },
      });
    });
  } catch (error) {
    // Cleaning up must not hide why the export failed: the next attempt or the purge removes leftovers.
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
    const reason = error instanceof OpsError ? error.message : "L'export n'a pas pu être produit : relancez-le, et prévenez l'équipe technique si l'échec se répète.";
    await withTransaction(deps.database, { kind: 'system' }, (tx) => markExportFailed(tx, exportId, reason));
    throw error;
  }
}

function archiveFileName(entityCode: string, exportId: string): string {
  return `maillage-export-${entityCode.replace(/[^A-Za-z0-9_-]/g, '_')}-${exportId}.tar.gz`;
}

function summarise(manifest: ExportManifest): ExportSummary {
  return {
    entityCode: manifest.entity.code,
    entityName: manifest.entity.name,
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
    mediaFiles: manifest.media.length,
    decryptedColumns: manifest.decryptedColumns,
  };
}

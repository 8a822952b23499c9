import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { recordAudit, type AuditActor } from '../../audit/index.js';
import type { Principal } from '../../auth/index.js';
import type { MessageBus } from '../../bus/index.js';
import { withTransaction, type Database, type DbScope } from '../../db/index.js';
import type { CollectionQuery } from '../../http/collection.js';
import type { CollectionPage } from '../../http/collection-sql.js';
import { AppError, ConflictError } from '../../http/errors.js';
import { ENTITY_EXPORT_REQUESTED } from './entity-export.job.js';
import { fetchEntityExportPage, findEntityCode, findEntityExport, insertEntityExport, type EntityExportRow } from './entity-exports.repository.js';
import type { EntityExport } from './entity-exports.schema.js';
import { ENTITY_EXPORT_PERMISSION } from './permissions.js';

export interface EntityExportActor {
  principal: Principal;
  audit: AuditActor;
}

export interface EntityExportServiceDeps {
  database: Database;
  bus: MessageBus;
  dataDir: string;
}

/** Same answer whether the row does not exist or belongs to another branch: existence never leaks. */
class ExportNotFoundError extends AppError {
  constructor(detail: string) {
    super('not_found', 404, 'Not found', detail);
  }
}

const entityNotFound = () => new ExportNotFoundError('Structure introuvable ou hors de votre périmètre.');
const exportNotFound = () => new ExportNotFoundError('Export introuvable ou hors de votre périmètre.');

const scopeOf = (actor: EntityExportActor): DbScope => ({
  kind: 'entities',
  entityRoots: actor.principal.rootsFor(ENTITY_EXPORT_PERMISSION),
  userId: actor.principal.userId,
});

export function toEntityExport(row: EntityExportRow): EntityExport {
  return {
    id: row.id,
    entityId: row.entity_id,
    status: row.status,
    bytes: row.bytes,
    sha256: row.sha256,
    summary: row.summary,
    attempts: row.attempts,
    error: row.error,
    requestedBy: row.requested_by,
    archiveUrl: row.status === 'completed' ? `/api/v1/entity-exports/${row.id}/archive` : null,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** Records the request and queues its run in one transaction: never a `queued` export without its message. */
export async function requestEntityExport(deps: EntityExportServiceDeps, actor: EntityExportActor, entityId: string): Promise<EntityExport> {
  if (!actor.principal.holdsOn(ENTITY_EXPORT_PERMISSION, entityId)) throw entityNotFound();
  return withTransaction(deps.database, scopeOf(actor), async (tx) => {
    if (!(await findEntityCode(tx, entityId))) throw entityNotFound();
    const row = await insertEntityExport(tx, entityId, actor.principal.userId);
    await deps.bus.send(tx, ENTITY_EXPORT_REQUESTED, { exportId: row.id });
    await recordAudit(tx, {
      action: 'platform.entity_export.requested',
      resourceType: 'entity_export',
      resourceId: row.id,
      entityId,
      after: { entityId },
      actor: actor.audit,
    });
    return toEntityExport(row);
  });
}

export async function listEntityExports(database: Database, actor: EntityExportActor, query: CollectionQuery): Promise<CollectionPage<EntityExport>> {
  const page = await withTransaction(database, scopeOf(actor), (tx) => fetchEntityExportPage(tx, query), { readOnly: true });
  return { ...page, items: page.items.map(toEntityExport) };
}

export async function getEntityExport(database: Database, actor: EntityExportActor, id: string): Promise<EntityExport> {
  const row = await withTransaction(database, scopeOf(actor), (tx) => findEntityExport(tx, id), { readOnly: true });
  if (!row) throw exportNotFound();
  return toEntityExport(row);
}

export interface ArchiveToSend {
  path: string;
  fileName: string;
  bytes: number;
  sha256: string;
}

/** Checks the export is visible and ready, and records who downloads it, before the first byte is sent. */
export async function openEntityExportArchive(deps: EntityExportServiceDeps, actor: EntityExportActor, id: string): Promise<ArchiveToSend> {
  return withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const row = await findEntityExport(tx, id);
    if (!row) throw exportNotFound();
    if (row.status !== 'completed' || !row.archive_path || row.bytes === null || !row.sha256) {
      const detail =
        row.status === 'failed'
          ? "Cet export a échoué : il n'y a pas d'archive à télécharger. Demandez un nouvel export."
          : "L'archive n'est pas encore prête : suivez l'état de l'export et réessayez quand il est terminé.";
      throw new ConflictError(detail, 'entity_export_not_ready');
    }
    const path = join(deps.dataDir, row.archive_path);
    if (!existsSync(path)) throw new ConflictError("L'archive de cet export n'est plus disponible sur le serveur : demandez un nouvel export.", 'entity_export_archive_missing');
    await recordAudit(tx, {
      action: 'platform.entity_export.downloaded',
      resourceType: 'entity_export',
      resourceId: id,
      entityId: row.entity_id,
      after: { bytes: row.bytes, sha256: row.sha256 },
      actor: actor.audit,
    });
    return { path, fileName: row.archive_path.split('/').pop()!, bytes: row.bytes, sha256: row.sha256 };
  });
}

import { recordAudit } from '../../../platform/audit/index.js';
import type { MessageBus } from '../../../platform/bus/index.js';
import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { AppError, ForbiddenError, NotFoundError } from '../../../platform/http/errors.js';
import { FRENCH_CSV_BOM, frenchCsvRow } from '../export/french-csv.js';
import type { ColumnOverrides } from './column-mapping.js';
import type { ImportActor } from './import-dry-run.service.js';
import { fetchImportJobPage, findImportJob, findReportLines, listSavedMappings, saveMapping, setImportJobStatus, type SavedMappingRow } from './import-jobs.repository.js';
import { toImportJob } from './import-job-view.js';
import { IMPORT_REQUESTED } from './import.jobs.js';
import type { ImportJob, SavedMapping } from './imports.schema.js';
import { IMPORT_PERMISSIONS } from './permissions.js';

const writeScope = (actor: ImportActor): DbScope => ({
  kind: 'entities',
  entityRoots: actor.principal.rootsFor(IMPORT_PERMISSIONS.write),
  userId: actor.principal.userId,
});

export async function listImportJobs(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<ImportJob>> {
  const page = await withTransaction(database, scope, (tx) => fetchImportJobPage(tx, query), { readOnly: true });
  return { ...page, items: page.items.map(toImportJob) };
}

export async function getImportJob(database: Database, scope: DbScope, id: string): Promise<ImportJob> {
  const job = await withTransaction(database, scope, (tx) => findImportJob(tx, id), { readOnly: true });
  if (!job) throw new NotFoundError('Import');
  return toImportJob(job);
}

class ImportStateError extends AppError {
  constructor(code: string, detail: string) {
    super(code, 409, 'Conflict', detail);
  }
}

/**
 * Queues the run of an analysed job, or the resumption of a failed one, on the bus: the message
 * commits with the status change, so a job is never `queued` without a message, nor the reverse.
 */
export async function requestImportRun(deps: { database: Database; bus: MessageBus }, actor: ImportActor, id: string): Promise<ImportJob> {
  return withTransaction(deps.database, writeScope(actor), async (tx) => {
    const job = await findImportJob(tx, id, { forUpdate: true });
    if (!job) throw new NotFoundError('Import');
    if (job.status === 'queued' || job.status === 'running') {
      throw new ImportStateError('import_in_progress', 'Cet import est déjà en cours : suivez sa progression.');
    }
    if (job.status === 'completed') {
      throw new ImportStateError('import_completed', 'Cet import est terminé : déposez de nouveau le fichier pour le réimporter.');
    }
    await setImportJobStatus(tx, id, 'queued');
    await deps.bus.send(tx, IMPORT_REQUESTED, { importJobId: id });
    await recordAudit(tx, {
      action: job.status === 'failed' ? 'crm.import.resumed' : 'crm.import.queued',
      resourceType: 'import_job',
      resourceId: id,
      entityId: job.entity_id,
      after: { fileName: job.file_name, fromRow: job.last_committed_row + 1 },
      actor: actor.audit,
    });
    return toImportJob((await findImportJob(tx, id))!);
  });
}

const REPORT_PAGE = 1_000;
const SEVERITY_LABELS = { error: 'Rejetée', warning: 'À vérifier' } as const;

/** Checks the job is visible (404 otherwise) before the first byte, then streams its report in pages. */
export async function openErrorReport(database: Database, scope: DbScope, id: string): Promise<{ fileName: string; lines: AsyncIterable<string> }> {
  const job = await getImportJob(database, scope, id);
  async function* lines(): AsyncGenerator<string> {
    yield FRENCH_CSV_BOM + frenchCsvRow(['Ligne', 'Statut', 'Colonne', 'Code', 'Message']);
    let after: { row: number; id: string } | null = null;
    for (;;) {
      const page = await withTransaction(database, scope, (tx) => findReportLines(tx, id, after, REPORT_PAGE), { readOnly: true });
      if (page.length > 0) yield page.map((line) => frenchCsvRow([line.row, SEVERITY_LABELS[line.severity], line.column, line.code, line.message])).join('');
      if (page.length < REPORT_PAGE) return;
      const last = page[page.length - 1]!;
      after = { row: last.row, id: last.id };
    }
  }
  return { fileName: `${job.fileName.replace(/\.[^.]*$/, '')}-rapport.csv`, lines: lines() };
}

const toSavedMapping = (row: SavedMappingRow): SavedMapping => ({
  entityId: row.entity_id,
  columnOverrides: row.column_overrides,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at.toISOString(),
});

export async function listImportMappings(database: Database, scope: DbScope): Promise<SavedMapping[]> {
  const rows = await withTransaction(database, scope, listSavedMappings, { readOnly: true });
  return rows.map(toSavedMapping);
}

/** Replaces the entity's saved column choices (used by its next uploads). */
export async function saveImportMapping(database: Database, actor: ImportActor, entityId: string, overrides: ColumnOverrides): Promise<SavedMapping> {
  if (!actor.principal.holdsOn(IMPORT_PERMISSIONS.write, entityId)) {
    throw new ForbiddenError("Vous n'avez pas le droit de modifier les colonnes d'import de cette structure.", 'import_entity_forbidden');
  }
  return withTransaction(database, writeScope(actor), async (tx) => {
    const saved = await saveMapping(tx, entityId, overrides, actor.principal.userId);
    await recordAudit(tx, {
      action: 'crm.import_mapping.saved',
      resourceType: 'import_mapping',
      resourceId: entityId,
      entityId,
      after: { columnOverrides: overrides },
      actor: actor.audit,
    });
    return toSavedMapping(saved);
  });
}

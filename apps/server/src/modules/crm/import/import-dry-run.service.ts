import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { AppError, ForbiddenError, ValidationError } from '../../../platform/http/errors.js';
import type { ColumnOverrides } from './column-mapping.js';
import { foldText } from '../text/fold-text.js';
import { CsvFileError } from './csv/csv-error.js';
import { ImportFileError } from './import-file-error.js';
import { findSavedOverrides, insertImportJob, insertReportLines, type ReportLine } from './import-jobs.repository.js';
import { toImportJob } from './import-job-view.js';
import type { DryRun, ReportRow } from './imports.schema.js';
import { IMPORT_PERMISSIONS } from './permissions.js';
import { bufferSlices, openImportFile } from './read-import-file.js';

/** Rows shown in the dry-run response; the full report is the downloadable CSV. */
const REPORT_PREVIEW_ROWS = 1_000;

export interface UploadedFile {
  fileName: string;
  content: Buffer;
  /** Chosen on the mapping screen; completes the entity's saved mapping. */
  columnOverrides: ColumnOverrides;
  entityId: string | undefined;
}

export interface ImportActor {
  principal: Principal;
  audit: AuditActor;
}

/** The entity the import is for: the one asked, or the caller's only one. */
export function importEntityOf(principal: Principal, requested: string | undefined): string {
  if (requested !== undefined) {
    if (!principal.holdsOn(IMPORT_PERMISSIONS.write, requested)) {
      throw new ForbiddenError("Vous n'avez pas le droit d'importer des fichiers pour cette structure.", 'import_entity_forbidden');
    }
    return requested;
  }
  const roots = principal.rootsFor(IMPORT_PERMISSIONS.write);
  if (roots.length === 1) return roots[0]!;
  throw new ValidationError([{ pointer: '/entityId', message: 'Indiquez la structure pour laquelle vous importez ce fichier.' }], 'The import needs an entity.');
}

/** 422 for a file that cannot be read at all (encoding, quoting, old .xls, damaged workbook, empty). */
export class ImportFileUnreadableError extends AppError {
  constructor(code: string, message: string) {
    super(code, 422, 'Unreadable file', message, [{ pointer: '/file', message }]);
  }
}

/**
 * Reads the whole file once, validates every row and stores the job with its report: nothing is
 * written to the CRM. The stored file and column choices are what the run will use.
 */
export async function dryRunImport(database: Database, actor: ImportActor, upload: UploadedFile): Promise<DryRun> {
  const entityId = importEntityOf(actor.principal, upload.entityId);
  const scope = { kind: 'entities' as const, entityRoots: [entityId], userId: actor.principal.userId };
  const saved = await withTransaction(database, scope, (tx) => findSavedOverrides(tx, entityId), { readOnly: true });
  const headers = await readHeaders(upload.content);
  const columnOverrides: ColumnOverrides = { ...applicableToFile(saved ?? {}, headers), ...upload.columnOverrides };

  const analysis = await analyse(upload.content, columnOverrides);
  return withTransaction(database, scope, async (tx) => {
    const job = await insertImportJob(tx, {
      entityId,
      fileName: upload.fileName,
      fileFormat: analysis.format,
      fileContent: upload.content,
      columnOverrides,
      columnMapping: analysis.columns,
      rowsTotal: analysis.total,
      rowsValid: analysis.total - analysis.rejected,
      rowsRejected: analysis.rejected,
      createdBy: actor.principal.userId,
    });
    await insertReportLines(tx, { id: job.id, entityId }, analysis.lines);
    await recordAudit(tx, {
      action: 'crm.import.analysed',
      resourceType: 'import_job',
      resourceId: job.id,
      entityId,
      after: { fileName: upload.fileName, rowsTotal: analysis.total, rowsRejected: analysis.rejected },
      actor: actor.audit,
    });
    return {
      job: toImportJob(job),
      encoding: analysis.encoding ?? null,
      separator: analysis.separator ?? null,
      headers: analysis.headers,
      ignoredHeaders: analysis.ignoredHeaders,
      report: analysis.preview,
      reportTruncated: analysis.previewTruncated,
    };
  });
}

async function readHeaders(content: Buffer): Promise<readonly string[]> {
  try {
    return (await openImportFile(bufferSlices(content))).headers;
  } catch (error) {
    if (error instanceof CsvFileError || error instanceof ImportFileError) throw new ImportFileUnreadableError(error.code, error.message);
    throw error;
  }
}

/**
 * The saved choices that fit this file: an entity may receive files of several layouts, so a saved
 * header the file does not have is left out (the defaults apply) instead of blocking the upload.
 */
function applicableToFile(saved: ColumnOverrides, headers: readonly string[]): ColumnOverrides {
  const present = new Set(headers.map((header) => foldText(header)));
  return Object.fromEntries(Object.entries(saved).filter(([, header]) => header === null || present.has(foldText(header!))));
}

async function analyse(content: Buffer, columns: ColumnOverrides) {
  try {
    const file = await openImportFile(bufferSlices(content), { columns });
    if (file.problems.length > 0) {
      throw new ValidationError(
        file.problems.map((problem) => ({ pointer: '/columnOverrides', message: problem.message })),
        'Les colonnes du fichier ne permettent pas de l’importer : choisissez-les.',
      );
    }
    const lines: ReportLine[] = [];
    const preview: ReportRow[] = [];
    let total = 0;
    let rejected = 0;
    let previewTruncated = false;
    for await (const row of file.rows) {
      total++;
      const problems = row.ok ? [] : row.problems.map(({ column, code, message }) => ({ column, code, message }));
      const warnings = row.ok ? [...row.warnings, ...(row.duplicate?.warnings ?? [])] : [];
      if (!row.ok) rejected++;
      for (const problem of problems) lines.push({ row: row.row, severity: 'error', ...problem });
      for (const message of warnings) lines.push({ row: row.row, severity: 'warning', column: null, code: 'row_warning', message });
      if (problems.length + warnings.length === 0) continue;
      if (preview.length < REPORT_PREVIEW_ROWS) preview.push({ row: row.row, status: row.ok ? 'accepted' : 'rejected', problems, warnings });
      else previewTruncated = true;
    }
    const mapped = Object.entries(file.mapping).map(([field, column]) => [field, column.header] as const);
    return {
      format: file.format,
      encoding: file.encoding,
      separator: file.separator,
      headers: [...file.headers],
      ignoredHeaders: [...file.ignoredHeaders],
      columns: Object.fromEntries(mapped),
      total,
      rejected,
      lines,
      preview,
      previewTruncated,
    };
  } catch (error) {
    if (error instanceof CsvFileError || error instanceof ImportFileError) throw new ImportFileUnreadableError(error.code, error.message);
    throw error;
  }
}

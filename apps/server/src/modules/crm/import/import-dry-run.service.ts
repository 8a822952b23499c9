import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { withTransaction, type Database, type Tx } from '../../../platform/db/index.js';
import { AppError, ForbiddenError, ValidationError } from '../../../platform/http/errors.js';
import type { ColumnOverrides } from './column-mapping.js';
import { foldText } from '../text/fold-text.js';
import { CsvFileError } from './csv/csv-error.js';
import { ImportFileError } from './import-file-error.js';
import {
  appendImportFilePiece,
  findSavedOverrides,
  insertImportJob,
  insertReportLines,
  recordDryRunCounts,
  type ReportLine,
} from './import-jobs.repository.js';
import { toImportJob } from './import-job-view.js';
import type { DryRun, ReportRow } from './imports.schema.js';
import { IMPORT_PERMISSIONS } from './permissions.js';
import { openImportFile, type ImportFile } from './read-import-file.js';
import type { SpooledFile } from './spooled-upload.js';

/** Rows shown in the dry-run response; the full report is the downloadable CSV. */
const REPORT_PREVIEW_ROWS = 1_000;
/** Report lines are stored as they come, this many at a time: a file whose every row warns is never held whole. */
const REPORT_WRITE_LINES = 1_000;
/** The reader is fed slices of this size (small strings to decode and tokenise, docs/perf.md). */
const READ_SLICE_BYTES = 64 * 1024;
/** The file is stored in pieces of this size, appended one after the other. */
const STORE_PIECE_BYTES = 4 * 1024 * 1024;

export interface UploadedFile {
  file: SpooledFile;
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
 * written to the CRM. The stored file and column choices are what the run will use. The job, its
 * report lines (stored as they come) and the file are written in one transaction: a file found
 * unreadable half-way leaves nothing behind.
 */
export async function dryRunImport(database: Database, actor: ImportActor, upload: UploadedFile): Promise<DryRun> {
  const entityId = importEntityOf(actor.principal, upload.entityId);
  const scope = { kind: 'entities' as const, entityRoots: [entityId], userId: actor.principal.userId };
  const saved = await withTransaction(database, scope, (tx) => findSavedOverrides(tx, entityId), { readOnly: true });
  const headers = await readFile(upload.file, async (file) => file.headers);
  const columnOverrides: ColumnOverrides = { ...applicableToFile(saved ?? {}, headers), ...upload.columnOverrides };

  const context = { entityId, actor, upload, columnOverrides };
  return withTransaction(database, scope, (tx) => readFile(upload.file, (file) => storeDryRun(tx, context, file), columnOverrides));
}

interface DryRunContext {
  entityId: string;
  actor: ImportActor;
  upload: UploadedFile;
  columnOverrides: ColumnOverrides;
}

/** In the dry run's transaction: the job, its report lines as the rows are read, the file, then the counts. */
async function storeDryRun(tx: Tx, { entityId, actor, upload, columnOverrides }: DryRunContext, file: ImportFile): Promise<DryRun> {
  if (file.problems.length > 0) {
    throw new ValidationError(
      file.problems.map((problem) => ({ pointer: '/columnOverrides', message: problem.message })),
      'Les colonnes du fichier ne permettent pas de l’importer : choisissez-les.',
    );
  }
  const mapped = Object.entries(file.mapping).map(([field, column]) => [field, column.header] as const);
  const { id } = await insertImportJob(tx, {
    entityId,
    fileName: upload.file.fileName,
    fileFormat: file.format,
    fileSize: upload.file.size,
    columnOverrides,
    columnMapping: Object.fromEntries(mapped),
    createdBy: actor.principal.userId,
  });
  // The file is stored while its rows are checked: PostgreSQL copies the pieces as Node validates.
  // Both are awaited before a failure is rethrown: the transaction must not be rolled back while
  // the other still has statements queued on it.
  const [reported, stored] = await Promise.allSettled([reportRows(tx, { id, entityId }, file), storeFile(tx, id, upload.file)]);
  if (reported.status === 'rejected') throw reported.reason;
  if (stored.status === 'rejected') throw stored.reason;
  const report = reported.value;
  const job = await recordDryRunCounts(tx, id, report);
  await recordAudit(tx, {
    action: 'crm.import.analysed',
    resourceType: 'import_job',
    resourceId: id,
    entityId,
    after: { fileName: upload.file.fileName, rowsTotal: report.total, rowsRejected: report.rejected },
    actor: actor.audit,
  });
  return {
    job: toImportJob(job),
    encoding: file.encoding ?? null,
    separator: file.separator ?? null,
    headers: [...file.headers],
    ignoredHeaders: [...file.ignoredHeaders],
    report: report.preview,
    reportTruncated: report.previewTruncated,
  };
}

/** Opens the spooled file with `columns` and hands it to `use`; a file that cannot be read is a 422. */
async function readFile<T>(spooled: SpooledFile, use: (file: ImportFile) => Promise<T>, columns?: ColumnOverrides): Promise<T> {
  const slices = spooled.open(READ_SLICE_BYTES);
  try {
    return await use(await openImportFile(slices, { columns }));
  } catch (error) {
    if (error instanceof CsvFileError || error instanceof ImportFileError) throw new ImportFileUnreadableError(error.code, error.message);
    throw error;
  } finally {
    // Reading only the header stops early: release the file.
    slices.destroy();
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

/**
 * Validates every row and stores its report lines as they come (one line per problem of a rejected
 * row, one per warning of an accepted one); only counts and the first rows of the preview stay in memory.
 */
async function reportRows(tx: Tx, job: { id: string; entityId: string }, file: ImportFile) {
  let pending: ReportLine[] = [];
  const preview: ReportRow[] = [];
  let total = 0;
  let rejected = 0;
  let previewTruncated = false;
  for await (const row of file.rows) {
    total++;
    const problems = row.ok ? [] : row.problems.map(({ column, code, message }) => ({ column, code, message }));
    const warnings = row.ok ? [...row.warnings, ...(row.duplicate?.warnings ?? [])] : [];
    if (!row.ok) rejected++;
    if (problems.length + warnings.length === 0) continue;
    for (const problem of problems) pending.push({ row: row.row, severity: 'error', ...problem });
    for (const message of warnings) pending.push({ row: row.row, severity: 'warning', column: null, code: 'row_warning', message });
    if (preview.length < REPORT_PREVIEW_ROWS) preview.push({ row: row.row, status: row.ok ? 'accepted' : 'rejected', problems, warnings });
    else previewTruncated = true;
    if (pending.length >= REPORT_WRITE_LINES) {
      await insertReportLines(tx, job, pending);
      pending = [];
    }
  }
  await insertReportLines(tx, job, pending);
  return { total, rejected, preview, previewTruncated };
}

/** Copies the spooled file into the job, piece by piece. */
async function storeFile(tx: Tx, jobId: string, spooled: SpooledFile): Promise<void> {
  for await (const piece of spooled.open(STORE_PIECE_BYTES) as AsyncIterable<Buffer>) await appendImportFilePiece(tx, jobId, piece);
}

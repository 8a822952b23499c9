import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit/index.js';
import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import type { EntityTree } from '../../../platform/tenancy/entity-tree.js';
import { foldText } from '../text/fold-text.js';
import type { AffiliationRole } from '../persons/persons.tables.js';
import type { ColumnMapping } from './column-mapping.js';
import { findImportFileSlice, findImportJob, recordBatchProgress, setImportJobStatus, type BatchProgress, type ImportJobRow } from './import-jobs.repository.js';
import { writeCompaniesAndLinks, writePeople, type BatchRow } from './import-batch-writer.js';
import { bufferSlices, openImportFile, type ImportRow } from './read-import-file.js';

/**
 * Rows per batch transaction. 1,000 rather than 500 halves the statements and commits of a run:
 * a 250,000-row import −1.4 to −2.4 s with the worker's peak memory unchanged; 2,000 gained no more
 * and took the worker to 386–392 MiB of its 400 MB budget (docs/perf.md, 2026-12-03 09:30).
 */
export const DEFAULT_BATCH_SIZE = 1000;
/** The stored file is read back in pieces of this size, so a run holds one piece at a time, never the whole file. */
export const DEFAULT_FILE_CHUNK_BYTES = 2 * 1024 * 1024;

export interface ImportRunDeps {
  database: Database;
  entityTree: { current(): Promise<EntityTree> };
}

/** Another run of the same job committed first: this one stops without writing. */
class ConcurrentRunError extends Error {
  constructor() {
    super('Another run of this import advanced it first');
    this.name = 'ConcurrentRunError';
  }
}

const jobScope = (job: ImportJobRow): DbScope => ({ kind: 'entities', entityRoots: [job.entity_id], userId: job.created_by });

/**
 * Runs (or resumes) an import: the stored file is read again from the top (the in-file
 * deduplication needs every row), rows up to `last_committed_row` are skipped, and the rest is
 * written in batches. Each batch and the advance of the resume point commit together, so a crash
 * leaves whole batches only. A failure marks the job `failed` with a French reason and is rethrown
 * (the bus retries; staff can also rerun it).
 */
export async function runImportJob(deps: ImportRunDeps, jobId: string, options: { batchSize?: number; fileChunkBytes?: number } = {}): Promise<void> {
  // The job's own entity scopes everything below; reading its header needs the system scope once.
  const header = await withTransaction(deps.database, { kind: 'system' }, (tx) => findImportJob(tx, jobId), { readOnly: true });
  if (!header || header.status === 'completed' || header.status === 'dry_run_done') return;
  const scope = jobScope(header);
  const job = await withTransaction(deps.database, scope, async (tx) => {
    await setImportJobStatus(tx, jobId, 'running');
    return (await findImportJob(tx, jobId))!;
  });
  const committer = new BatchCommitter(deps.database, job.last_committed_row);
  let batch: ImportRow[] = [];
  try {
    const content = storedFile(deps.database, job, options.fileChunkBytes ?? DEFAULT_FILE_CHUNK_BYTES);
    const file = await openImportFile(content, { columns: job.column_overrides });
    // The dry run refused such a mapping; a stored job that no longer maps is a bug, not an empty file.
    if (file.problems.length > 0) throw new Error(`Import ${jobId}: the stored column choices no longer map the file`);
    const context: RunContext = { tree: await deps.entityTree.current(), job, role: affiliationRole(file.mapping), targets: new Map() };
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    for await (const row of file.rows) {
      if (row.row <= job.last_committed_row) continue;
      batch.push(row);
      if (batch.length >= batchSize) {
        await committer.submit(context, batch);
        batch = [];
      }
    }
    if (batch.length > 0) await committer.submit(context, batch);
    batch = [];
    await committer.settle();
    await withTransaction(deps.database, scope, async (tx) => {
      await setImportJobStatus(tx, jobId, 'completed', { lastError: null });
      const done = (await findImportJob(tx, jobId))!;
      await recordAudit(tx, {
        action: 'crm.import.completed',
        resourceType: 'import_job',
        resourceId: jobId,
        entityId: job.entity_id,
        after: { created: done.rows_created, updated: done.rows_updated, unchanged: done.rows_unchanged, rejected: done.rows_rejected },
        actor: { ...SYSTEM_ACTOR, userId: job.created_by },
      });
    });
  } catch (error) {
    // A failed read may leave a batch committing: its outcome decides where the run stopped.
    const inFlightError = await committer.settle().then(
      () => undefined,
      (settleError: unknown) => settleError,
    );
    if (error instanceof ConcurrentRunError || inFlightError instanceof ConcurrentRunError) return;
    const batchStart = committer.failedAt ?? batch[0]?.row ?? committer.lastCommittedRow + 1;
    const reason = `L'import s'est interrompu au lot commençant à la ligne ${batchStart} : les lignes précédentes sont enregistrées, relancez l'import pour reprendre à cette ligne.`;
    await withTransaction(deps.database, scope, (tx) => setImportJobStatus(tx, jobId, 'failed', { lastError: reason }));
    throw error;
  }
}

/**
 * Two batches in flight while the next one is read and validated: a batch writes its companies and
 * links while the one before writes its people and commits, so PostgreSQL works on both instead of
 * waiting for this process between statements (docs/perf.md, import). Batches still commit one after
 * the other, in file order.
 */
class BatchCommitter {
  private readonly inFlight: BatchInFlight[] = [];
  /** First row of the first batch that failed, once one has. */
  failedAt: number | undefined;

  constructor(
    private readonly database: Database,
    /** The last row of the last batch known to be committed. */
    public lastCommittedRow: number,
  ) {}

  /** Starts the batch, once fewer than two are in flight. */
  async submit(context: RunContext, batch: readonly ImportRow[]): Promise<void> {
    if (this.inFlight.length >= 2) await this.settleOldest();
    this.inFlight.push(startBatch(this.database, context, batch, this.inFlight.at(-1), this.lastCommittedRow));
  }

  /** Waits for every batch in flight; rethrows the first failure. */
  async settle(): Promise<void> {
    let failure: { error: unknown } | undefined;
    while (this.inFlight.length > 0) {
      try {
        await this.settleOldest();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }

  private async settleOldest(): Promise<void> {
    const oldest = this.inFlight.shift()!;
    try {
      this.lastCommittedRow = await oldest.committed;
    } catch (error) {
      this.failedAt ??= oldest.firstRow;
      throw error;
    }
  }
}

interface BatchInFlight {
  firstRow: number;
  /** Settles when the batch's companies and links are written (not yet committed), or it failed before. */
  companiesWritten: Promise<void>;
  /** The batch's last row, once committed. */
  committed: Promise<number>;
}

/**
 * One batch, one transaction: the rows' writes and the job's counters and resume point. It writes its
 * companies once the batch before has written its own (a SIREN or a new word of the lexicon on both
 * sides then makes it wait inside PostgreSQL for that batch's commit, never the reverse), and its
 * people, resume-point check and counters once that batch has committed. If that batch fails, so
 * does this one, and it rolls back.
 */
function startBatch(database: Database, context: RunContext, batch: readonly ImportRow[], previous: BatchInFlight | undefined, lastCommittedRow: number): BatchInFlight {
  let companiesDone!: () => void;
  let companiesFailed!: (error: unknown) => void;
  const companiesWritten = new Promise<void>((resolve, reject) => ((companiesDone = resolve), (companiesFailed = reject)));
  const lastRow = batch[batch.length - 1]!.row;
  const committed = (async () => {
    if (previous) await previous.companiesWritten;
    await withTransaction(database, jobScope(context.job), async (tx) => {
      const valid = batch.flatMap((row) => (row.ok ? [toBatchRow(context, row)] : []));
      const written = valid.length > 0 ? await writeCompaniesAndLinks(tx, valid) : null;
      companiesDone();
      const expectedRow = previous ? await previous.committed : lastCommittedRow;
      const current = await findImportJob(tx, context.job.id, { forUpdate: true });
      if (current?.last_committed_row !== expectedRow) throw new ConcurrentRunError();
      const progress: BatchProgress = { rowsDone: batch.length, created: 0, updated: 0, unchanged: 0, lastRow };
      if (written) for (const outcome of await writePeople(tx, valid, written, context.role)) progress[outcome]++;
      await recordBatchProgress(tx, context.job.id, progress);
    });
    return lastRow;
  })();
  committed.catch(companiesFailed);
  // Awaited by the next batch or by settle(); until then a failure is not an unhandled rejection.
  companiesWritten.catch(() => undefined);
  return { firstRow: batch[0]!.row, companiesWritten, committed };
}

/** The job's stored file, read piece by piece (one short read-only transaction each) and fed to the reader in 64 KiB slices. */
async function* storedFile(database: Database, job: ImportJobRow, chunkBytes: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < job.file_size; offset += chunkBytes) {
    const chunk = await withTransaction(database, jobScope(job), (tx) => findImportFileSlice(tx, job.id, offset, chunkBytes), { readOnly: true });
    if (chunk === null) throw new Error(`Import ${job.id}: the stored file is gone`);
    yield* bufferSlices(chunk);
  }
}

interface RunContext {
  tree: EntityTree;
  job: ImportJobRow;
  role: AffiliationRole;
  /** Target entity by union code, computed once per run (the tree lookup walks every node). */
  targets: Map<string, Target>;
}

interface Target {
  entityId: string;
  /** The union of the row's commune (a network rule), rather than the importing entity by default. */
  derived: boolean;
}

function toBatchRow(context: RunContext, row: ImportRow & { ok: true }): BatchRow {
  const { record, duplicate } = row;
  const target = targetEntity(context, record.unionDepartementCode);
  return {
    company: record.company,
    contact: record.contact,
    entityId: target.entityId,
    attachedBy: target.derived ? 'derived' : 'manual',
    linkStatus: record.membership.joinedOn ? 'member' : 'prospect',
    // A company or person repeated further down the file keeps the values of its first row.
    updateCompany: duplicate?.companyFirstRow == null,
    updatePerson: duplicate?.contactFirstRow == null,
  };
}

/**
 * Where a row's company, contact and affiliation belong: the departmental union of its commune when
 * that union lies within the importing entity (a national or regional import spreads members over
 * their unions), otherwise the importing entity itself.
 */
function targetEntity(context: RunContext, unionDepartementCode: string): Target {
  let target = context.targets.get(unionDepartementCode);
  if (target === undefined) {
    const union = context.tree.byCode(unionDepartementCode);
    const importing = context.job.entity_id;
    const derived = union?.kind === 'departement' && context.tree.isWithin(union.id, importing);
    target = { entityId: derived ? union.id : importing, derived };
    context.targets.set(unionDepartementCode, target);
  }
  return target;
}

/** A member file names the company's head ("Nom du dirigeant"); other files name a main contact. */
function affiliationRole(mapping: ColumnMapping): AffiliationRole {
  return mapping.lastName && foldText(mapping.lastName.header).includes('dirigeant') ? 'dirigeant' : 'contact_principal';
}

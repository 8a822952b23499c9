import { Type } from 'typebox';
import { defineMessage, type MessageBus } from '../../../platform/bus/index.js';
import { withTransaction } from '../../../platform/db/index.js';
import { deleteImportJobsOlderThan } from './import-jobs.repository.js';
import { runImportJob, type ImportRunDeps } from './import-run.service.js';

/**
 * Uploaded files hold personal data: a job, its stored file and its report are deleted this many
 * days after their last change, unless a run is still pending.
 */
export const IMPORT_JOB_RETENTION_DAYS = 90;

/** Sent (inside the transaction that queues the job) by POST /api/v1/imports/{id}/run. */
export const IMPORT_REQUESTED = defineMessage({
  name: 'crm.import-requested',
  schema: Type.Object({ importJobId: Type.String({ format: 'uuid' }) }),
  // A retry resumes after the last committed batch, so retrying is safe.
  retryLimit: 3,
  expireInSeconds: 60 * 60,
});

export const PURGE_IMPORT_JOBS = defineMessage({
  name: 'crm.purge-import-jobs',
  schema: Type.Object({}),
  retryLimit: 1,
  deadLetter: false,
});

export function registerImportJobs(bus: MessageBus, deps: ImportRunDeps): void {
  bus.handle(IMPORT_REQUESTED, ({ importJobId }) => runImportJob(deps, importJobId));
  bus.handle(PURGE_IMPORT_JOBS, async () => {
    await withTransaction(deps.database, { kind: 'system' }, (tx) => deleteImportJobsOlderThan(tx, IMPORT_JOB_RETENTION_DAYS));
  });
  bus.schedule(PURGE_IMPORT_JOBS, '41 3 * * *', {});
}

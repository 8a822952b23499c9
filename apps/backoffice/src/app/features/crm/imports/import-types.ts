import type { ResponseOf } from '../../../core/api/api-types';
import type { JobProgressValue } from '../../../shared/progress/job-progress';

export type DryRun = ResponseOf<'/api/v1/imports', 'post'>;
export type ImportJob = ResponseOf<'/api/v1/imports/{id}'>;
export type ReportRow = DryRun['report'][number];

/** Still moving: the page keeps polling the job. */
export function isRunning(job: ImportJob): boolean {
  return job.status === 'queued' || job.status === 'running';
}

/** The job as the shared progress bar shows it (rows done out of the rows the run will write). */
export function progressOf(job: ImportJob): JobProgressValue {
  const total = job.rows.total || null;
  switch (job.status) {
    case 'queued':
      return { state: 'queued', done: 0, total };
    case 'running':
      return { state: 'running', done: job.rows.done, total };
    case 'completed':
      return { state: 'completed', done: job.rows.done, total };
    case 'failed':
      return { state: 'failed', done: job.rows.done, total, message: job.lastError ?? undefined };
    default:
      return { state: 'queued', done: 0, total };
  }
}

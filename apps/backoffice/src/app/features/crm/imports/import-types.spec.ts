import { describe, expect, it } from 'vitest';
import { isRunning, progressOf, type ImportJob } from './import-types';

const job = (status: ImportJob['status'], done: number, lastError: string | null = null) =>
  ({ status, rows: { total: 4, valid: 3, rejected: 1, done, created: 0, updated: 0, unchanged: 0 }, lastError }) as ImportJob;

describe('import progress', () => {
  it('follows queued and running jobs only', () => {
    expect(isRunning(job('queued', 0))).toBe(true);
    expect(isRunning(job('running', 2))).toBe(true);
    expect(isRunning(job('completed', 4))).toBe(false);
    expect(isRunning(job('failed', 2))).toBe(false);
    expect(isRunning(job('dry_run_done', 0))).toBe(false);
  });

  it('shows rows done out of the file, and why a run failed', () => {
    expect(progressOf(job('running', 2))).toEqual({ state: 'running', done: 2, total: 4 });
    expect(progressOf(job('completed', 4))).toEqual({ state: 'completed', done: 4, total: 4 });
    expect(progressOf(job('failed', 2, 'Base indisponible'))).toEqual({ state: 'failed', done: 2, total: 4, message: 'Base indisponible' });
  });
});

import { readInteger, type Env } from './env.js';

/** What one process gives to checking uploaded import files (dry runs): docs/crm-import-export.md. */
export interface ImportSettings {
  /** The files checked at once may total this many bytes; a larger file is checked alone. */
  dryRunBudgetBytes: number;
  /** How long an upload waits for room before a 503 asking to retry. */
  dryRunWaitSeconds: number;
}

/** `IMPORT_DRY_RUN_BUDGET_MB` (default 64: one file of the largest accepted size) and `IMPORT_DRY_RUN_WAIT_SECONDS` (default 10). */
export function readImportSettings(env: Env): ImportSettings {
  return {
    dryRunBudgetBytes: readInteger(env, 'IMPORT_DRY_RUN_BUDGET_MB', 64, 1, 4096) * 1024 * 1024,
    dryRunWaitSeconds: readInteger(env, 'IMPORT_DRY_RUN_WAIT_SECONDS', 10, 0, 600),
  };
}

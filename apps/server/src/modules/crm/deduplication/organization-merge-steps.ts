import type { Tx } from '../../../platform/db/index.js';

/**
 * How another module moves what it holds about a company when duplicates are merged into a
 * survivor (membership: invoices). Modules register their step while the app is built; the merge
 * runs every step in its transaction and treats the step's table as handled.
 */
export interface OrganizationMergeStep {
  /** The table whose foreign key to `organizations` the step rewrites. */
  table: string;
  /** Repoints the duplicates' rows at the survivor; returns how many rows moved. */
  move(tx: Tx, survivorId: string, duplicateIds: readonly string[]): Promise<number>;
}

// One list per process: the steps are code, the same for every app instance (tests build several).
const steps = new Map<string, OrganizationMergeStep>();

export function registerOrganizationMergeStep(step: OrganizationMergeStep): void {
  steps.set(step.table, step);
}

export function organizationMergeSteps(): OrganizationMergeStep[] {
  return [...steps.values()];
}

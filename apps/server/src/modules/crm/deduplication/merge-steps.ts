import type { Tx } from '../../../platform/db/index.js';

/**
 * How another module moves what it holds about a company or a person when duplicates are merged
 * into a survivor (membership: invoices; events: registrations). Modules register their step while
 * the app is built; the merge runs every step in its transaction and treats the step's table as handled.
 */
export interface MergeStep {
  /** The table whose foreign key to `organizations` or `persons` the step rewrites. */
  table: string;
  /** Repoints the duplicates' rows at the survivor; returns how many rows moved. */
  move(tx: Tx, survivorId: string, duplicateIds: readonly string[]): Promise<number>;
}

export type OrganizationMergeStep = MergeStep;
export type PersonMergeStep = MergeStep;

// One list per process and kind: the steps are code, the same for every app instance (tests build several).
const organizationSteps = new Map<string, MergeStep>();
const personSteps = new Map<string, MergeStep>();

export function registerOrganizationMergeStep(step: OrganizationMergeStep): void {
  organizationSteps.set(step.table, step);
}

export function registerPersonMergeStep(step: PersonMergeStep): void {
  personSteps.set(step.table, step);
}

export function organizationMergeSteps(): MergeStep[] {
  return [...organizationSteps.values()];
}

export function personMergeSteps(): MergeStep[] {
  return [...personSteps.values()];
}

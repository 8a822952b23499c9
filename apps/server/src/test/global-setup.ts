import type { TestProject } from 'vitest/node';
import { prepareMigratedSnapshot } from './migrated-snapshot.js';

/** Vitest global setup: one migrated snapshot for the whole run, removed at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prepared = await prepareMigratedSnapshot();
  project.provide('migratedSnapshot', prepared.snapshot);
  return () => prepared.dispose();
}

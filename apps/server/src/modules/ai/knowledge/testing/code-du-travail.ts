import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../../../platform/db/index.js';
import { loadDocuments } from '../documents/load-documents.js';
import { parseJsonLines } from '../extraction/json-lines.js';
import type { SourceVisibility } from '../knowledge.tables.js';

/** The shared, read-only knowledge fixtures (Code du travail articles and questions), beside the repository. */
export const KNOWLEDGE_FIXTURES = fileURLToPath(new URL('../../../../../../../../shared/fixtures/knowledge/', import.meta.url));

export interface FixtureQuestion {
  q: string;
  expected: string[];
}

export function readCodeDuTravail(): string {
  return readFileSync(`${KNOWLEDGE_FIXTURES}code-du-travail.jsonl`, 'utf8');
}

export function readFixtureQuestions(): FixtureQuestion[] {
  return readFileSync(`${KNOWLEDGE_FIXTURES}questions.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FixtureQuestion);
}

/**
 * Loads the Code du travail into a new collection of `entityId` through the same parsing, storage
 * and indexing code as an upload (without HTTP and the bus: fast setup for retrieval tests).
 */
export async function loadCodeDuTravail(database: Database, entityId: string, visibility: SourceVisibility = 'members'): Promise<{ collectionId: string; sourceIds: string[] }> {
  const { documents, errors } = parseJsonLines(readCodeDuTravail());
  if (errors.length > 0) throw new Error(`fixture: ${JSON.stringify(errors)}`);
  const { collectionId, sourceIds } = await loadDocuments(database, { entityId, name: 'Code du travail', visibility, fileName: 'code-du-travail.jsonl', documents });
  return { collectionId, sourceIds };
}

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { AiSettings } from '../../../platform/config/index.js';
import { FieldCipher } from '../../../platform/crypto/index.js';
import { newId, withOwnerClient, type Database } from '../../../platform/db/index.js';
import { answerQuestion } from '../answers/answers.service.js';
import type { GenerationProvider } from '../providers/generation-provider.js';
import { retrieverWith } from '../retrieval/index.js';
import { GOLDEN_SET } from './golden-set.js';
import { GUIDES_PRATIQUES } from './guides-pratiques.js';
import { loadCollection, parseJsonLines, type JsonLinesDocument } from './load-collection.js';
import { computeMetrics, type QuestionOutcome, type SetMetrics } from './metrics.js';

export type EvaluationSetName = 'golden' | 'code-du-travail';

export interface EvaluationSet {
  name: EvaluationSetName;
  collectionName: string;
  documents: JsonLinesDocument[];
  questions: ReadonlyArray<{ q: string; expected: readonly string[] }>;
  /** The key questions name a document by (guide id, article number). */
  keyOf: (document: JsonLinesDocument) => string;
}

export interface EvaluationResult {
  set: EvaluationSetName;
  metrics: SetMetrics;
  outcomes: QuestionOutcome[];
  seconds: number;
}

export function guidesAsDocuments(): JsonLinesDocument[] {
  return GUIDES_PRATIQUES.map((guide) => ({ externalRef: guide.id, title: guide.title, heading: null, text: guide.text, url: guide.url, version: guide.version }));
}

export function goldenSet(): EvaluationSet {
  return { name: 'golden', collectionName: 'Guides pratiques', documents: guidesAsDocuments(), questions: GOLDEN_SET, keyOf: (document) => document.externalRef };
}

/** The shared fixture: Code du travail articles (JSON Lines) and the development questions. */
export function codeDuTravailSet(fixturesDir: string): EvaluationSet {
  const { documents, errors } = parseJsonLines(readFileSync(`${fixturesDir}/code-du-travail.jsonl`, 'utf8'));
  if (errors.length > 0) throw new Error(`code-du-travail.jsonl: ${JSON.stringify(errors.slice(0, 3))}`);
  const questions = readFileSync(`${fixturesDir}/questions.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { q: string; expected: string[] });
  return { name: 'code-du-travail', collectionName: 'Code du travail', documents, questions, keyOf: (document) => document.title.replace(/^Article /, '') };
}

const EXTRACTIVE_ONLY: AiSettings = {
  provider: 'extractive',
  openAiBaseUrl: undefined,
  openAiModel: undefined,
  openAiApiKey: undefined,
  openAiHostedOnPremises: false,
  rateLimitPerMinute: 1_000_000,
  auditRetentionDays: 365,
  embeddings: null,
};

/**
 * Loads the set into the (throwaway, migrated) database under a new national entity and asks every
 * question through the real answer service (retrieval, relevance gate, provider, verifier, journal).
 */
export async function runEvaluation(database: Database, set: EvaluationSet, provider?: GenerationProvider): Promise<EvaluationResult> {
  const started = performance.now();
  const entityId = newId();
  await withOwnerClient(database, (client) =>
    client.query(`INSERT INTO entities (id, kind, code, name, parent_id) VALUES ($1, 'national', $2, 'Évaluation', NULL)`, [entityId, `EVAL-${entityId.slice(-8)}`]),
  );
  const loaded = await loadCollection(database, { entityId, name: set.collectionName, visibility: 'members', fileName: `${set.name}.jsonl`, documents: set.documents });
  const keyByRef = new Map(set.documents.map((document) => [document.externalRef, set.keyOf(document)]));
  const keyOf = (sourceId: string) => {
    const ref = loaded.refs.get(sourceId);
    return ref === undefined ? undefined : keyByRef.get(ref);
  };
  const deps = { database, cipher: new FieldCipher([{ id: 'eval', key: Buffer.alloc(32, 7) }], Buffer.alloc(32, 9)), ai: EXTRACTIVE_ONLY, retrieve: retrieverWith(null) };
  const asker = { userId: newId(), entityId, scope: { kind: 'entities' as const, entityRoots: [entityId], userId: null } };
  const outcomes: QuestionOutcome[] = [];
  for (const question of set.questions) {
    const { answer, retrieved } = await answerQuestion(deps, asker, { question: question.q }, { channel: 'json', ...(provider ? { provider } : {}) });
    outcomes.push({ question: question.q, expected: question.expected, retrieved, answer, keyOf });
  }
  return { set: set.name, metrics: computeMetrics(outcomes), outcomes, seconds: (performance.now() - started) / 1000 };
}

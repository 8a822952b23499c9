import type { RetrievedChunk } from '../../retrieval/index.js';

let counter = 0;

/** An in-test retrieved chunk; `prefix` is the source text before the chunk (offsets are source offsets). */
export function chunk(text: string, overrides: Partial<RetrievedChunk> & { prefix?: number } = {}): RetrievedChunk {
  counter += 1;
  const start = overrides.prefix ?? 100;
  const { prefix: _prefix, ...rest } = overrides;
  return {
    chunkId: `0190c5a4-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    sourceType: 'document',
    sourceId: '0190c5a4-0000-7000-9000-000000000001',
    collectionId: null,
    entityId: '0190c5a4-0000-7000-a000-000000000001',
    title: 'Guide de test',
    url: null,
    version: `v${counter}`,
    heading: null,
    text,
    start,
    end: start + text.length,
    visibility: 'public',
    score: 1,
    ...rest,
  };
}

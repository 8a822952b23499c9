/**
 * AI Hub retrieval (ADR 0019): `retrieveChunks` ranks the chunks a scope may read for a question
 * (French full text + trigram, reciprocal rank fusion, visibility inside SQL under RLS).
 */
export { retrieve, retrieveChunks, retrieverWith, fuse, RRF_K, DEFAULT_LIMIT, MAX_LIMIT, type Retriever } from './retrieve-chunks.js';
export { expandQuery, foldText, type ExpandedQuery } from './query-expansion.js';
export { registerRetrieval } from './register.js';
export { detectVectorSupport } from './embeddings-support.js';
export { searchKnowledge } from './search.service.js';
export { RetrievedChunkSchema, RetrievalFiltersSchema, SearchResultSchema } from './search.schema.js';
export type { RetrievedChunk, RetrievalRequest, RetrievalFilters, KnowledgeSourceType, SourceVisibility, Retrieval, RetrievalTrace, QueryEmbedder } from './retrieved-chunk.js';

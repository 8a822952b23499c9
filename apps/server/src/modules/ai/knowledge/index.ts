/**
 * AI Hub knowledge base (issue 7, ADR 0019): collections of uploaded documents per entity, indexing
 * into chunks (headings respected, offsets and version hash per chunk), and published CMS content.
 */
export { registerKnowledge } from './register.js';
export { AI_PERMISSIONS, AI_PERMISSION_DEFINITIONS } from './permissions.js';
export { chunkText, sha256, type TextChunk, type ChunkOptions } from './chunking/chunk-text.js';
export { IndexSources, indexSources } from './indexing/index-sources.js';
export { loadDocuments, type LoadDocumentsInput, type LoadedDocuments } from './documents/load-documents.js';
export { parseJsonLines, type JsonLinesDocument } from './extraction/json-lines.js';
export { extractPdf, extractDocx, detectFormat } from './extraction/extract-text.js';
export { syncCmsContent, type CmsPort, type PublishedContent } from './indexing/cms-indexing.js';
export { aiCollections, aiSources, aiChunks, SOURCE_VISIBILITIES, SOURCE_TYPES, type SourceVisibility } from './knowledge.tables.js';
export type { Collection } from './collections/collections.schema.js';
export type { KnowledgeDocument } from './documents/documents.schema.js';

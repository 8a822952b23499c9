/** Where a chunk comes from: an uploaded knowledge document or published CMS content. */
export type KnowledgeSourceType = 'document' | 'cms-content';

/** Who may read a source: anyone, members of the network, or staff of the owning entity subtree. */
export type SourceVisibility = 'public' | 'members' | 'staff';

/** A passage retrieved for a question, ranked; the unit that answers cite. */
export interface RetrievedChunk {
  chunkId: string;
  sourceType: KnowledgeSourceType;
  sourceId: string;
  /** Knowledge collection of a document; null for CMS content. */
  collectionId: string | null;
  entityId: string;
  title: string;
  /** Link a reader follows to the source (Légifrance URL, public page, back-office document view). */
  url: string | null;
  /** Hash of the chunk text: a citation names the version it quoted. */
  version: string;
  /** Heading path the chunk sits under, e.g. "Titre II > Durée du travail". */
  heading: string | null;
  text: string;
  /** Character offsets of `text` inside the source's full extracted text. */
  start: number;
  end: number;
  visibility: SourceVisibility;
  score: number;
}

export interface RetrievalFilters {
  siteIds?: string[];
  collectionIds?: string[];
  sourceTypes?: KnowledgeSourceType[];
}

export interface RetrievalRequest {
  question: string;
  filters?: RetrievalFilters;
  limit?: number;
}

/** Whether the vector arm took part in a retrieval (ADR 0025); journaled with each interaction. */
export interface RetrievalTrace {
  embeddings: 'off' | 'used' | 'failed';
  model?: string;
  /** Why the question could not be embedded (the search then ran lexical only). */
  error?: string;
}

/** Ranked chunks and how they were ranked. */
export interface Retrieval {
  chunks: RetrievedChunk[];
  trace: RetrievalTrace;
}

/** Embeds a question for the vector arm; implemented by the embedding client (ai/embeddings). */
export interface QueryEmbedder {
  readonly model: string;
  /** A unit vector; throws (or times out) on any provider failure. */
  embedQuestion(question: string): Promise<number[]>;
}

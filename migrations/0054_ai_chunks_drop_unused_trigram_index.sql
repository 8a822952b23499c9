-- No statement reads this index: the trigram arm of retrieval only ever re-ranked the full-text
-- candidates, and is now computed in the server (modules/ai/retrieval/trigram-similarity.ts).
-- Dropping it spares every chunk written an entry in a second GIN index.
DROP INDEX "ai_chunks_text_trgm_idx";

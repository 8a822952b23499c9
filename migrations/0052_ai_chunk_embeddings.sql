CREATE TABLE "ai_chunk_embeddings" (
	"chunk_id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"model" text NOT NULL,
	"chunk_version" text NOT NULL,
	"vector" real[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ai_chunk_embeddings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ai_interactions" ADD COLUMN "retrieval" jsonb;--> statement-breakpoint
ALTER TABLE "ai_chunk_embeddings" ADD CONSTRAINT "ai_chunk_embeddings_chunk_id_ai_chunks_id_fk" FOREIGN KEY ("chunk_id") REFERENCES "public"."ai_chunks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_chunk_embeddings" ADD CONSTRAINT "ai_chunk_embeddings_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_chunk_embeddings_entity_id_idx" ON "ai_chunk_embeddings" USING btree ("entity_id");--> statement-breakpoint
CREATE POLICY "ai_chunk_embeddings_tenant_isolation" ON "ai_chunk_embeddings" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "ai_chunk_embeddings_chunk_read" ON "ai_chunk_embeddings" AS PERMISSIVE FOR SELECT TO "maillage_app" USING (EXISTS (SELECT 1 FROM ai_chunks c WHERE c.id = chunk_id));--> statement-breakpoint
-- Embeddings, optional (issue 7, ADR 0025). The visibility predicate of retrieval is written once, in
-- this view: staff-only chunks of the scope's subtrees, public and members' chunks network-wide
-- (app.scope_roots of the caller's transaction). security_invoker: queried by the application role,
-- the row policies of ai_chunks still apply underneath. Both arms read chunks through it: the lexical
-- candidates (ai_chunk_candidates, redefined below with the same body otherwise; a plain view is
-- flattened into the query, so its plan is unchanged) and the vector arm.
CREATE VIEW ai_chunks_in_scope WITH (security_invoker = true) AS
  SELECT c.* FROM ai_chunks c
   WHERE c.visibility IN ('public', 'members') OR c.entity_id IN (SELECT app_scope_entity_ids());
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ai_chunk_candidates(selecting tsquery, ranking tsquery, depth integer, site_ids uuid[], collection_ids uuid[], source_types text[])
RETURNS TABLE (id uuid, score real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public ROWS 40 AS $$
  SELECT c.id, ts_rank(c.search, ranking, 1) AS score
    FROM ai_chunks_in_scope c
   WHERE c.search @@ selecting
     AND ((site_ids IS NULL AND collection_ids IS NULL AND source_types IS NULL)
          OR EXISTS (SELECT 1 FROM ai_sources s
                      WHERE s.id = c.source_row_id
                        AND (site_ids IS NULL OR s.site_id = ANY (site_ids))
                        AND (collection_ids IS NULL OR s.collection_id = ANY (collection_ids))
                        AND (source_types IS NULL OR s.source_type = ANY (source_types))))
   ORDER BY score DESC, c.id
   LIMIT depth
$$;
--> statement-breakpoint
-- Cosine similarity of two unit vectors (the application normalises them), without pgvector.
CREATE FUNCTION ai_vector_dot(a real[], b real[]) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT sum(x::float8 * y::float8) FROM unnest(a, b) AS t(x, y)
$$;

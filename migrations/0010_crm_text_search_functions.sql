-- unaccent() is only STABLE (its dictionary is looked up through search_path at run time), so
-- PostgreSQL refuses it in generated columns and index expressions. This wrapper names the schema
-- and the dictionary explicitly, which makes the result depend on its argument alone: IMMUTABLE is
-- then true (as long as the unaccent rules file is not edited, in which case reindex).
CREATE FUNCTION immutable_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

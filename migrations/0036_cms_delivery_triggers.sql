-- Public delivery (ADR 0016): the per-site publication generation and the search documents are
-- maintained by triggers on the authoring tables, so every way content changes (API, scheduled
-- job, seed, another instance) invalidates caches and updates search without a bus handler.
-- SECURITY DEFINER: a publication by a regional publisher must bump the generation of the branch
-- sites that receive the article, rows its own scope cannot see.
CREATE FUNCTION cms_delivery_bump_site(p_site_id uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
  INSERT INTO cms_site_generations (site_id, entity_id, generation, changed_at)
  SELECT id, entity_id, 1, now() FROM cms_sites WHERE id = p_site_id
  ON CONFLICT (site_id) DO UPDATE SET generation = cms_site_generations.generation + 1, changed_at = now();
$$;
--> statement-breakpoint
-- Re-reads the content row at commit time (deferred), when its published revision surely exists.
CREATE FUNCTION cms_delivery_refresh_content(p_content_id uuid, p_site_id uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  target uuid;
BEGIN
  PERFORM cms_delivery_bump_site(p_site_id);
  FOR target IN SELECT target_site_id FROM cms_syndications WHERE content_id = p_content_id LOOP
    PERFORM cms_delivery_bump_site(target);
  END LOOP;
  DELETE FROM cms_search_documents WHERE content_id = p_content_id;
  INSERT INTO cms_search_documents (content_id, site_id, entity_id, kind, published_at, search)
  SELECT c.id, c.site_id, c.entity_id, c.kind, c.published_at,
         setweight(to_tsvector('french', immutable_unaccent(r.title)), 'A')
      || setweight(to_tsvector('french', immutable_unaccent(coalesce(r.summary, ''))), 'B')
      || setweight(to_tsvector('french', immutable_unaccent(coalesce(array_to_string(ARRAY(SELECT jsonb_array_elements_text(coalesce(r.fields->'tags', '[]'::jsonb))), ' '), ''))), 'B')
      || setweight(to_tsvector('french', immutable_unaccent(r.plain_text)), 'C')
    FROM cms_contents c JOIN cms_revisions r ON r.id = c.published_revision_id
   WHERE c.id = p_content_id AND c.visibility = 'public';
END;
$$;
--> statement-breakpoint
CREATE FUNCTION cms_delivery_content_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- Edits of a working copy that was never live change nothing public.
    IF OLD.published_revision_id IS NULL AND NEW.published_revision_id IS NULL THEN
      RETURN NULL;
    END IF;
    IF OLD.published_revision_id IS NOT DISTINCT FROM NEW.published_revision_id
       AND OLD.visibility = NEW.visibility AND OLD.path = NEW.path AND OLD.featured = NEW.featured
       AND OLD.parent_id IS NOT DISTINCT FROM NEW.parent_id AND OLD.position = NEW.position
       AND OLD.published_at IS NOT DISTINCT FROM NEW.published_at THEN
      RETURN NULL;
    END IF;
    PERFORM cms_delivery_refresh_content(NEW.id, NEW.site_id);
    IF OLD.site_id <> NEW.site_id THEN PERFORM cms_delivery_bump_site(OLD.site_id); END IF;
  ELSIF TG_OP = 'INSERT' THEN
    IF NEW.published_revision_id IS NOT NULL THEN PERFORM cms_delivery_refresh_content(NEW.id, NEW.site_id); END IF;
  ELSE
    DELETE FROM cms_search_documents WHERE content_id = OLD.id;
    IF OLD.published_revision_id IS NOT NULL THEN PERFORM cms_delivery_bump_site(OLD.site_id); END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cms_delivery_content_changed
  AFTER INSERT OR UPDATE OR DELETE ON cms_contents
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION cms_delivery_content_changed();
--> statement-breakpoint
CREATE FUNCTION cms_delivery_site_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  PERFORM cms_delivery_bump_site(NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cms_delivery_site_changed
  AFTER INSERT OR UPDATE ON cms_sites
  FOR EACH ROW EXECUTE FUNCTION cms_delivery_site_changed();
--> statement-breakpoint
CREATE FUNCTION cms_delivery_site_child_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  IF TG_TABLE_NAME = 'cms_syndications' THEN
    PERFORM cms_delivery_bump_site(CASE WHEN TG_OP = 'DELETE' THEN OLD.target_site_id ELSE NEW.target_site_id END);
  ELSE
    PERFORM cms_delivery_bump_site(CASE WHEN TG_OP = 'DELETE' THEN OLD.site_id ELSE NEW.site_id END);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cms_delivery_syndication_changed
  AFTER INSERT OR UPDATE OR DELETE ON cms_syndications
  FOR EACH ROW EXECUTE FUNCTION cms_delivery_site_child_changed();
--> statement-breakpoint
CREATE TRIGGER cms_delivery_category_changed
  AFTER INSERT OR UPDATE OR DELETE ON cms_categories
  FOR EACH ROW EXECUTE FUNCTION cms_delivery_site_child_changed();
--> statement-breakpoint
-- Backfill (databases that already hold sites and live content).
INSERT INTO cms_site_generations (site_id, entity_id) SELECT id, entity_id FROM cms_sites ON CONFLICT DO NOTHING;
--> statement-breakpoint
SELECT cms_delivery_refresh_content(id, site_id) FROM cms_contents WHERE published_revision_id IS NOT NULL;

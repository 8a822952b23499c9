-- Closure table upkeep: every insert or move of an entity rewrites the paths of its subtree.
-- SECURITY DEFINER so the application role never writes paths directly.
CREATE FUNCTION entities_maintain_tree_paths() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO entity_tree_paths (ancestor_id, descendant_id, depth)
    SELECT NEW.id, NEW.id, 0
    UNION ALL
    SELECT p.ancestor_id, NEW.id, p.depth + 1 FROM entity_tree_paths p WHERE p.descendant_id = NEW.parent_id;
  ELSIF NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
    IF EXISTS (SELECT 1 FROM entity_tree_paths WHERE ancestor_id = NEW.id AND descendant_id = NEW.parent_id) THEN
      RAISE EXCEPTION 'an entity cannot be moved under itself or one of its descendants' USING ERRCODE = 'check_violation';
    END IF;
    DELETE FROM entity_tree_paths
    WHERE descendant_id IN (SELECT descendant_id FROM entity_tree_paths WHERE ancestor_id = NEW.id)
      AND ancestor_id IN (SELECT ancestor_id FROM entity_tree_paths WHERE descendant_id = NEW.id AND ancestor_id <> NEW.id);
    INSERT INTO entity_tree_paths (ancestor_id, descendant_id, depth)
    SELECT above.ancestor_id, below.descendant_id, above.depth + below.depth + 1
    FROM entity_tree_paths above, entity_tree_paths below
    WHERE above.descendant_id = NEW.parent_id AND below.ancestor_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER entities_tree_paths AFTER INSERT OR UPDATE OF parent_id ON entities
FOR EACH ROW EXECUTE FUNCTION entities_maintain_tree_paths();
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON entity_tree_paths FROM maillage_app;
--> statement-breakpoint
-- The scope of the current transaction, set by the server with SET LOCAL (see platform/db/transaction.ts).
CREATE FUNCTION app_scope_entity_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT descendant_id FROM entity_tree_paths
  WHERE ancestor_id = ANY (string_to_array(nullif(current_setting('app.scope_roots', true), ''), ',')::uuid[])
$$;
--> statement-breakpoint
CREATE FUNCTION app_scope_is_system() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(current_setting('app.scope_system', true), '') = 'on'
$$;

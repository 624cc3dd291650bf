-- Merging two items of the provocation watch (docs/PROVOCATION-WATCH.md): staff join an item into another when
-- the automatic matching missed that they are the same content. The merged item stays as a pointer so its old
-- address leads to the item it joined; its sightings, links, groups and responses move.

ALTER TABLE provocation_items ADD COLUMN merged_into uuid REFERENCES provocation_items (id);
ALTER TABLE provocation_items ADD COLUMN merged_at timestamptz;
ALTER TABLE provocation_items ADD CONSTRAINT provocation_items_not_into_itself CHECK (merged_into <> id);
COMMENT ON COLUMN provocation_items.merged_into IS 'Set when staff merged this item into another: it then holds nothing and its address redirects there.';
COMMENT ON COLUMN provocation_items.merged_at IS 'When the item was merged into another.';
CREATE INDEX provocation_items_merged_into_idx ON provocation_items (merged_into) WHERE merged_into IS NOT NULL;

-- Sightings: inserted only as oneself (as before), but moved between items by any staff member who sees both
-- items (a merge moves sightings other people recorded).
DROP POLICY provocation_sightings_all ON provocation_sightings;
CREATE POLICY provocation_sightings_select ON provocation_sightings FOR SELECT TO sigap_app
  USING (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id));
CREATE POLICY provocation_sightings_insert ON provocation_sightings FOR INSERT TO sigap_app
  WITH CHECK (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id) AND reported_by = (SELECT sigap_user_id()));
CREATE POLICY provocation_sightings_update ON provocation_sightings FOR UPDATE TO sigap_app
  USING (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id))
  WITH CHECK (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id));

-- Takedown requests follow their item when it is merged.
GRANT UPDATE (item_id) ON provocation_takedowns TO sigap_app;

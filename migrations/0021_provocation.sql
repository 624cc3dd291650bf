-- Provocation watch (pantauan konten provokatif): items of content, each seen many times (sightings), their
-- assessment, counter-messages (kontra-narasi) and takedown requests sent as dispositions to partner agencies.
-- Staff only; an item is visible to the office of any kab/kota where it circulates (docs/PROVOCATION-WATCH.md).

CREATE TABLE provocation_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  platform text NOT NULL CHECK (platform IN ('whatsapp', 'facebook', 'tiktok', 'instagram', 'x', 'youtube', 'lainnya')),
  assessment text CHECK (assessment IN ('provokasi', 'hoaks', 'ujaran_kebencian', 'ancaman', 'bukan_masalah')),
  assessment_note text NOT NULL DEFAULT '',
  outcome text NOT NULL DEFAULT 'beredar' CHECK (outcome IN ('beredar', 'diturunkan', 'diklarifikasi')),
  region_codes text[] NOT NULL,
  kabkota_codes text[] NOT NULL,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  due_at timestamptz,
  handling_level text NOT NULL DEFAULT 'kabkota' CHECK (handling_level IN ('kabkota', 'bakorwil', 'provinsi')),
  counter_approved_at timestamptz,
  taken_down_at timestamptz,
  escalated_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE provocation_items IS 'A piece of provocative content or hoax, however many times it was seen: staff only, never in CAP or public outputs.';
COMMENT ON COLUMN provocation_items.title IS 'The first words of the text as seen: sensitive content, staff only.';
COMMENT ON COLUMN provocation_items.kabkota_codes IS 'The kab/kota where it circulates: whose office sees it (row-level security).';
COMMENT ON COLUMN provocation_items.due_at IS 'When an approved counter-message or a takedown is due; null once answered or when assessed bukan_masalah.';
CREATE INDEX provocation_items_kabkota_idx ON provocation_items USING gin (kabkota_codes);
CREATE INDEX provocation_items_due_idx ON provocation_items (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE provocation_sightings (
  id uuid PRIMARY KEY,
  item_id uuid NOT NULL REFERENCES provocation_items (id),
  platform text NOT NULL,
  links text[] NOT NULL DEFAULT '{}',
  link_keys text[] NOT NULL DEFAULT '{}',
  text_seen text,
  text_key text NOT NULL DEFAULT '',
  seen_at timestamptz NOT NULL,
  region_codes text[] NOT NULL,
  kabkota_codes text[] NOT NULL,
  poster_account text,
  screenshot bytea,
  screenshot_type text,
  screenshot_sha256 text,
  image_hash text CHECK (image_hash ~ '^[0-9a-f]{16}$'),
  report_id uuid REFERENCES reports (id),
  request_hash text NOT NULL,
  merged boolean NOT NULL DEFAULT false,
  reported_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE provocation_sightings IS 'One time a piece of content was seen or reported; the client id makes a retry harmless.';
COMMENT ON COLUMN provocation_sightings.links IS 'The links as given: may name the poster''s account (personal data).';
COMMENT ON COLUMN provocation_sightings.link_keys IS 'The links normalised (src/shared/provocation/links.ts): the same key is the same item.';
COMMENT ON COLUMN provocation_sightings.text_seen IS 'The text as seen: sensitive content, may name people.';
COMMENT ON COLUMN provocation_sightings.text_key IS 'The text normalised (forward headers, emoji, spacing removed) compared by pg_trgm similarity.';
COMMENT ON COLUMN provocation_sightings.poster_account IS 'Personal data: the account or name that posted or forwarded it; masked for non-handlers, each view access-logged.';
COMMENT ON COLUMN provocation_sightings.screenshot IS 'The screenshot re-encoded (no metadata), served only to those who may see the item.';
COMMENT ON COLUMN provocation_sightings.image_hash IS 'A 64-bit difference hash of the screenshot: near hashes are the same image.';
CREATE INDEX provocation_sightings_item_idx ON provocation_sightings (item_id, seen_at);
CREATE INDEX provocation_sightings_links_idx ON provocation_sightings USING gin (link_keys);
CREATE INDEX provocation_sightings_text_idx ON provocation_sightings USING gin (text_key gin_trgm_ops);

CREATE TABLE provocation_item_groups (
  item_id uuid NOT NULL REFERENCES provocation_items (id),
  group_id uuid NOT NULL REFERENCES actor_groups (id),
  PRIMARY KEY (item_id, group_id)
);
COMMENT ON TABLE provocation_item_groups IS 'Groups of the actor-group register that an item targets or names.';

CREATE TABLE provocation_item_links (
  item_id uuid NOT NULL REFERENCES provocation_items (id),
  report_id uuid REFERENCES reports (id),
  case_id uuid REFERENCES cases (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((report_id IS NULL) <> (case_id IS NULL))
);
COMMENT ON TABLE provocation_item_links IS 'Reports and cases an item is linked to.';
CREATE UNIQUE INDEX provocation_item_links_report_idx ON provocation_item_links (item_id, report_id) WHERE report_id IS NOT NULL;
CREATE UNIQUE INDEX provocation_item_links_case_idx ON provocation_item_links (item_id, case_id) WHERE case_id IS NOT NULL;
CREATE INDEX provocation_item_links_by_report_idx ON provocation_item_links (report_id) WHERE report_id IS NOT NULL;

CREATE TABLE provocation_counter_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES provocation_items (id),
  body text NOT NULL,
  carrier text NOT NULL CHECK (carrier IN ('tokoh_agama', 'tokoh_masyarakat', 'pengurus_perguruan', 'polisi', 'diskominfo', 'lainnya')),
  carrier_name text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draf' CHECK (status IN ('draf', 'diajukan', 'disetujui', 'dikembalikan', 'dipublikasikan')),
  review_note text,
  drafted_by uuid NOT NULL REFERENCES users (id),
  approved_by uuid REFERENCES users (id),
  approved_at timestamptz,
  posted_where text,
  posted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE provocation_counter_messages IS 'A counter-message or clarification (kontra-narasi): drafted, reviewed and approved by staff, then carried and posted.';
COMMENT ON COLUMN provocation_counter_messages.carrier_name IS 'The person or office who carries it (a public figure''s name).';

CREATE TABLE provocation_takedowns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES provocation_items (id),
  kind text NOT NULL CHECK (kind IN ('takedown', 'investigasi')),
  disposition_id uuid NOT NULL UNIQUE REFERENCES dispositions (id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE provocation_takedowns IS 'A takedown or investigation request: a disposition to a partner agency on a linked case, answered by its mitra.';

-- ── Row-level security: staff of a kab/kota where the item circulates ──────────────────────────
CREATE FUNCTION sigap_provocation_visible(codes text[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT sigap_role() IN ('operator', 'koordinator', 'provinsi', 'admin')
     AND EXISTS (SELECT 1 FROM unnest(codes) AS c WHERE sigap_in_scope(c))
$$;

ALTER TABLE provocation_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY provocation_items_all ON provocation_items FOR ALL TO sigap_app
  USING (sigap_provocation_visible(kabkota_codes)) WITH CHECK (sigap_provocation_visible(kabkota_codes));

ALTER TABLE provocation_sightings ENABLE ROW LEVEL SECURITY;
CREATE POLICY provocation_sightings_all ON provocation_sightings FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id))
  WITH CHECK (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id) AND reported_by = sigap_user_id());

ALTER TABLE provocation_item_groups ENABLE ROW LEVEL SECURITY;
CREATE POLICY provocation_item_groups_all ON provocation_item_groups FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id))
  WITH CHECK (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id));

ALTER TABLE provocation_item_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY provocation_item_links_all ON provocation_item_links FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id))
  WITH CHECK (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id));

ALTER TABLE provocation_counter_messages ENABLE ROW LEVEL SECURITY;
CREATE POLICY provocation_counter_messages_all ON provocation_counter_messages FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id))
  WITH CHECK (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id));

ALTER TABLE provocation_takedowns ENABLE ROW LEVEL SECURITY;
CREATE POLICY provocation_takedowns_all ON provocation_takedowns FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id))
  WITH CHECK (EXISTS (SELECT 1 FROM provocation_items i WHERE i.id = item_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON provocation_items TO sigap_app;
GRANT SELECT, INSERT, UPDATE ON provocation_sightings TO sigap_app;
GRANT SELECT, INSERT, DELETE ON provocation_item_groups, provocation_item_links TO sigap_app;
GRANT SELECT, INSERT, UPDATE ON provocation_counter_messages TO sigap_app;
GRANT SELECT, INSERT ON provocation_takedowns TO sigap_app;

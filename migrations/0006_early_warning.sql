-- Early warning (UU 7/2012 Pasal 10–11): the register of actor groups, the calendar of risky gatherings,
-- levels per kecamatan and kab/kota, alerts with acknowledgement and response, and outgoing webhooks.
-- The model is documented in docs/EARLY-WARNING.md.

-- ── Actor groups: perguruan silat, supporter groups, others ──────────────────────────────────
CREATE TABLE actor_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('perguruan_silat', 'suporter', 'ormas', 'lainnya')),
  name text NOT NULL,
  short_name text NOT NULL,
  name_key text NOT NULL UNIQUE,
  description text NOT NULL DEFAULT '',
  is_active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE actor_groups IS 'Groups that take part in conflicts (PSHT, Pagar Nusa, supporter groups …): a province-wide register.';
COMMENT ON COLUMN actor_groups.short_name IS 'How factor texts and alerts name the group (PSHT); never shown in public alerts unless approved.';

CREATE TABLE actor_group_branches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL REFERENCES actor_groups (id),
  level text NOT NULL CHECK (level IN ('cabang', 'ranting')),
  region_code text NOT NULL REFERENCES regions (code),
  kabkota_code text GENERATED ALWAYS AS (left(region_code, 5)) STORED,
  kecamatan_code text GENERATED ALWAYS AS (CASE WHEN length(region_code) >= 8 THEN left(region_code, 8) END) STORED,
  name text NOT NULL,
  contact_name text,
  contact_phone text,
  address text,
  is_active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (region_code ~ '^35\.\d{2}(\.\d{2})?$')
);
COMMENT ON TABLE actor_group_branches IS 'Cabang (kab/kota) and ranting (kecamatan) of a group; a ranting makes the group present in its kecamatan.';
COMMENT ON COLUMN actor_group_branches.contact_name IS 'Personal data (UU 27/2022): masked for all but the kab/kota operators, provinsi and admin; whole views are access-logged.';
COMMENT ON COLUMN actor_group_branches.contact_phone IS 'Personal data: masked like contact_name.';
CREATE INDEX actor_group_branches_region_idx ON actor_group_branches (kabkota_code, kecamatan_code, group_id);
CREATE INDEX actor_group_branches_group_idx ON actor_group_branches (group_id);

CREATE TABLE actor_group_rivalries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_a uuid NOT NULL REFERENCES actor_groups (id),
  group_b uuid NOT NULL REFERENCES actor_groups (id),
  intensity text NOT NULL DEFAULT 'sedang' CHECK (intensity IN ('rendah', 'sedang', 'tinggi')),
  status text NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'mereda')),
  note text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (group_a < group_b),
  UNIQUE (group_a, group_b)
);
COMMENT ON TABLE actor_group_rivalries IS 'Rivalries between two groups (stored with group_a < group_b); an active one raises the level where both are present.';

CREATE TABLE peace_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code),
  place text NOT NULL,
  signed_on date NOT NULL,
  body text NOT NULL DEFAULT '',
  case_id uuid REFERENCES cases (id),
  document bytea,
  document_type text,
  document_sha256 text,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((document IS NULL) = (document_type IS NULL))
);
COMMENT ON TABLE peace_agreements IS 'Peace agreements between groups: parties, date, place, text and/or the signed document.';

CREATE TABLE peace_agreement_parties (
  agreement_id uuid NOT NULL REFERENCES peace_agreements (id),
  group_id uuid NOT NULL REFERENCES actor_groups (id),
  PRIMARY KEY (agreement_id, group_id)
);

CREATE TABLE peace_agreement_breaches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES peace_agreements (id),
  report_id uuid NOT NULL REFERENCES reports (id),
  note text NOT NULL DEFAULT '',
  noted_by uuid NOT NULL REFERENCES users (id),
  noted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agreement_id, report_id)
);
COMMENT ON TABLE peace_agreement_breaches IS 'A report that shows an agreement was broken.';

CREATE TABLE report_actor_groups (
  report_id uuid NOT NULL REFERENCES reports (id),
  group_id uuid NOT NULL REFERENCES actor_groups (id),
  PRIMARY KEY (report_id, group_id)
);
COMMENT ON TABLE report_actor_groups IS 'The groups a report names (beside its free-text groups_involved).';

CREATE TABLE case_actor_groups (
  case_id uuid NOT NULL REFERENCES cases (id),
  group_id uuid NOT NULL REFERENCES actor_groups (id),
  PRIMARY KEY (case_id, group_id)
);
COMMENT ON TABLE case_actor_groups IS 'The groups involved in a case.';

-- ── Calendar of risky gatherings ────────────────────────────────────────────────────────────
CREATE TABLE calendar_overrides (
  anchor text NOT NULL CHECK (anchor IN ('satu_suro', 'idul_fitri')),
  hijri_year integer NOT NULL CHECK (hijri_year BETWEEN 1400 AND 1600),
  day date NOT NULL,
  note text NOT NULL DEFAULT '',
  set_by uuid REFERENCES users (id),
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (anchor, hijri_year)
);
COMMENT ON TABLE calendar_overrides IS 'The government''s date where it differs from the computed (Umm al-Qura) one; malam 1 Suro and bulan Suro follow 1 Suro.';

CREATE TABLE calendar_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('konvoi', 'pengesahan_warga', 'pertandingan', 'pilkades', 'pemilu', 'lainnya')),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  region_code text NOT NULL REFERENCES regions (code),
  kabkota_code text GENERATED ALWAYS AS (left(region_code, 5)) STORED,
  route_region_codes text[] NOT NULL DEFAULT '{}',
  expected_crowd integer CHECK (expected_crowd >= 0),
  status text NOT NULL DEFAULT 'terjadwal' CHECK (status IN ('terjadwal', 'dibatalkan', 'selesai')),
  checklist jsonb NOT NULL DEFAULT '{}',
  review jsonb,
  reviewed_by uuid REFERENCES users (id),
  reviewed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at IS NULL OR ends_at >= starts_at),
  CHECK (region_code <> '35')
);
COMMENT ON TABLE calendar_events IS 'One-off gatherings entered by operators: pilkades, elections, matches, convoys, with a pre-event checklist and a post-event review.';
COMMENT ON COLUMN calendar_events.route_region_codes IS 'Kecamatan (or desa) the route passes; each one''s level is raised as the event nears.';
CREATE INDEX calendar_events_time_idx ON calendar_events (starts_at);
CREATE INDEX calendar_events_route_idx ON calendar_events USING gin (route_region_codes);

CREATE TABLE calendar_event_groups (
  event_id uuid NOT NULL REFERENCES calendar_events (id),
  group_id uuid NOT NULL REFERENCES actor_groups (id),
  PRIMARY KEY (event_id, group_id)
);

-- ── Levels ───────────────────────────────────────────────────────────────────────────────────
CREATE TABLE early_warning_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  value jsonb NOT NULL DEFAULT '{}',
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE early_warning_settings IS 'The level model''s thresholds and parameters (one row); missing keys take the documented defaults.';
INSERT INTO early_warning_settings (id) VALUES (true);

CREATE TABLE region_levels (
  region_code text PRIMARY KEY REFERENCES regions (code),
  level text NOT NULL CHECK (level IN ('normal', 'waspada', 'siaga', 'awas')),
  own_level text NOT NULL CHECK (own_level IN ('normal', 'waspada', 'siaga', 'awas')),
  score numeric(7, 2) NOT NULL,
  factors jsonb NOT NULL DEFAULT '[]',
  computed_at timestamptz NOT NULL,
  level_since timestamptz NOT NULL
);
COMMENT ON TABLE region_levels IS 'The current level of each kecamatan and kab/kota, with its score and contributing factors.';
COMMENT ON COLUMN region_levels.own_level IS 'A kab/kota''s level from its own aggregate (its hysteresis follows this); level may be its highest kecamatan''s.';

CREATE TABLE region_level_changes (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL REFERENCES regions (code),
  from_level text,
  to_level text NOT NULL,
  score numeric(7, 2) NOT NULL,
  factors jsonb NOT NULL DEFAULT '[]',
  changed_at timestamptz NOT NULL
);
COMMENT ON TABLE region_level_changes IS 'Every change of a region''s level (from_level NULL: the first computation).';
CREATE INDEX region_level_changes_region_idx ON region_level_changes (region_code, changed_at);

-- Recompute reads each kab/kota's reports by time.
CREATE INDEX reports_early_warning_idx ON reports (kabkota_code, occurred_at);

-- ── Alerts ───────────────────────────────────────────────────────────────────────────────────
CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code text NOT NULL REFERENCES regions (code),
  kabkota_code text NOT NULL,
  level text NOT NULL CHECK (level IN ('waspada', 'siaga', 'awas')),
  source text NOT NULL CHECK (source IN ('otomatis', 'manual')),
  headline text NOT NULL,
  description text NOT NULL DEFAULT '',
  factors jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'diterima', 'ditutup', 'diganti')),
  supersedes uuid REFERENCES alerts (id),
  handling_level text NOT NULL DEFAULT 'kabkota' CHECK (handling_level IN ('kabkota', 'bakorwil', 'provinsi')),
  due_acknowledge_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES users (id),
  escalated_at timestamptz,
  closed_at timestamptz,
  closed_by uuid REFERENCES users (id),
  closing_note text,
  public_headline text,
  public_description text,
  public_approved_by uuid REFERENCES users (id),
  public_approved_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (region_code <> '35')
);
COMMENT ON TABLE alerts IS 'Peringatan: raised when a level rises or by hand; acknowledged by one kab/kota operator for all, escalated when not, tracked to closing.';
COMMENT ON COLUMN alerts.public_headline IS 'Text an operator approved for the public CAP variant; without it there is no public variant.';
CREATE INDEX alerts_region_idx ON alerts (kabkota_code, status, created_at DESC);
CREATE INDEX alerts_unacknowledged_idx ON alerts (due_acknowledge_at) WHERE status = 'aktif';

CREATE TABLE alert_actions (
  id bigserial PRIMARY KEY,
  alert_id uuid NOT NULL REFERENCES alerts (id),
  kind text NOT NULL CHECK (kind IN ('diterima', 'tindakan', 'eskalasi', 'ditutup', 'diganti')),
  action text NOT NULL,
  case_id uuid REFERENCES cases (id),
  actor_id uuid REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE alert_actions IS 'The response to an alert, in order: acknowledgement, actions taken, escalations, closing.';
CREATE INDEX alert_actions_alert_idx ON alert_actions (alert_id, at);

-- ── Outgoing webhooks ────────────────────────────────────────────────────────────────────────
CREATE TABLE webhooks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url text NOT NULL CHECK (url ~ '^https?://'),
  secret text NOT NULL,
  description text NOT NULL DEFAULT '',
  region_codes text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE webhooks IS 'Other systems (e.g. a Polres) that receive alerts, signed with HMAC-SHA256 of the body under secret.';
COMMENT ON COLUMN webhooks.region_codes IS 'Only alerts inside these regions; empty: all of Jawa Timur.';

CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  webhook_id uuid NOT NULL REFERENCES webhooks (id),
  alert_id uuid NOT NULL REFERENCES alerts (id),
  event text NOT NULL,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'menunggu' CHECK (status IN ('menunggu', 'terkirim', 'gagal')),
  attempts integer NOT NULL DEFAULT 0,
  job_id text,
  last_status_code integer,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  delivered_at timestamptz
);
COMMENT ON TABLE webhook_deliveries IS 'One alert event to one webhook; the body is fixed at creation so every retry signs the same bytes.';
CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (created_at) WHERE status = 'menunggu';
CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at DESC);

CREATE TABLE webhook_attempts (
  id bigserial PRIMARY KEY,
  delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id),
  attempt integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  status_code integer,
  error text,
  duration_ms integer NOT NULL
);
COMMENT ON TABLE webhook_attempts IS 'The delivery log: each attempt with the receiver''s status or the error.';
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempt);

-- ── Row-level security ───────────────────────────────────────────────────────────────────────
-- The register and the levels are province-wide facts that staff need across borders (a convoy crosses
-- kab/kota); branches, agreements, events and alerts belong to a region and follow the actor's scope.
CREATE FUNCTION sigap_is_staff() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT sigap_role() IN ('operator', 'koordinator', 'provinsi', 'admin')
$$;

ALTER TABLE actor_groups ENABLE ROW LEVEL SECURITY;
CREATE POLICY actor_groups_select ON actor_groups FOR SELECT TO sigap_app USING (sigap_is_staff());
CREATE POLICY actor_groups_insert ON actor_groups FOR INSERT TO sigap_app WITH CHECK (sigap_is_staff());
CREATE POLICY actor_groups_update ON actor_groups FOR UPDATE TO sigap_app
  USING (sigap_role() IN ('koordinator', 'provinsi', 'admin')) WITH CHECK (sigap_role() IN ('koordinator', 'provinsi', 'admin'));

ALTER TABLE actor_group_branches ENABLE ROW LEVEL SECURITY;
CREATE POLICY actor_group_branches_all ON actor_group_branches FOR ALL TO sigap_app
  USING (sigap_in_scope(region_code)) WITH CHECK (sigap_in_scope(region_code));

ALTER TABLE actor_group_rivalries ENABLE ROW LEVEL SECURITY;
CREATE POLICY actor_group_rivalries_select ON actor_group_rivalries FOR SELECT TO sigap_app USING (sigap_is_staff());
CREATE POLICY actor_group_rivalries_write ON actor_group_rivalries FOR ALL TO sigap_app
  USING (sigap_role() IN ('koordinator', 'provinsi', 'admin')) WITH CHECK (sigap_role() IN ('koordinator', 'provinsi', 'admin'));

ALTER TABLE peace_agreements ENABLE ROW LEVEL SECURITY;
CREATE POLICY peace_agreements_all ON peace_agreements FOR ALL TO sigap_app
  USING (sigap_in_scope(region_code)) WITH CHECK (sigap_in_scope(region_code));

ALTER TABLE peace_agreement_parties ENABLE ROW LEVEL SECURITY;
CREATE POLICY peace_agreement_parties_all ON peace_agreement_parties FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM peace_agreements a WHERE a.id = agreement_id))
  WITH CHECK (EXISTS (SELECT 1 FROM peace_agreements a WHERE a.id = agreement_id));

ALTER TABLE peace_agreement_breaches ENABLE ROW LEVEL SECURITY;
CREATE POLICY peace_agreement_breaches_all ON peace_agreement_breaches FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM peace_agreements a WHERE a.id = agreement_id))
  WITH CHECK (EXISTS (SELECT 1 FROM peace_agreements a WHERE a.id = agreement_id)
    AND EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));

ALTER TABLE report_actor_groups ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_actor_groups_all ON report_actor_groups FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id))
  WITH CHECK (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));

ALTER TABLE case_actor_groups ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_actor_groups_all ON case_actor_groups FOR ALL TO sigap_app
  USING (sigap_role() <> 'mitra' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));

ALTER TABLE calendar_overrides ENABLE ROW LEVEL SECURITY;
CREATE POLICY calendar_overrides_select ON calendar_overrides FOR SELECT TO sigap_app USING (sigap_is_staff());
CREATE POLICY calendar_overrides_write ON calendar_overrides FOR ALL TO sigap_app
  USING (sigap_role() = 'admin') WITH CHECK (sigap_role() = 'admin');

-- An event is visible where it happens and in every region its route passes.
CREATE FUNCTION sigap_event_in_scope(p_region text, p_route text[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT sigap_in_scope(p_region) OR EXISTS (SELECT 1 FROM unnest(p_route) AS r WHERE sigap_in_scope(r))
$$;

ALTER TABLE calendar_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY calendar_events_select ON calendar_events FOR SELECT TO sigap_app
  USING (sigap_event_in_scope(region_code, route_region_codes));
CREATE POLICY calendar_events_insert ON calendar_events FOR INSERT TO sigap_app
  WITH CHECK (sigap_in_scope(region_code) AND created_by = sigap_user_id());
CREATE POLICY calendar_events_update ON calendar_events FOR UPDATE TO sigap_app
  USING (sigap_event_in_scope(region_code, route_region_codes)) WITH CHECK (sigap_event_in_scope(region_code, route_region_codes));

ALTER TABLE calendar_event_groups ENABLE ROW LEVEL SECURITY;
CREATE POLICY calendar_event_groups_all ON calendar_event_groups FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM calendar_events e WHERE e.id = event_id))
  WITH CHECK (EXISTS (SELECT 1 FROM calendar_events e WHERE e.id = event_id));

ALTER TABLE early_warning_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY early_warning_settings_select ON early_warning_settings FOR SELECT TO sigap_app USING (sigap_is_staff());

ALTER TABLE region_levels ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_levels_select ON region_levels FOR SELECT TO sigap_app USING (sigap_is_staff());

ALTER TABLE region_level_changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_level_changes_select ON region_level_changes FOR SELECT TO sigap_app USING (sigap_is_staff());

ALTER TABLE alerts ENABLE ROW LEVEL SECURITY;
CREATE POLICY alerts_select ON alerts FOR SELECT TO sigap_app USING (sigap_in_scope(region_code));
CREATE POLICY alerts_insert ON alerts FOR INSERT TO sigap_app
  WITH CHECK (sigap_in_scope(region_code) AND sigap_role() IN ('koordinator', 'provinsi', 'admin'));
CREATE POLICY alerts_update ON alerts FOR UPDATE TO sigap_app
  USING (sigap_in_scope(region_code)) WITH CHECK (sigap_in_scope(region_code));

ALTER TABLE alert_actions ENABLE ROW LEVEL SECURITY;
CREATE POLICY alert_actions_all ON alert_actions FOR ALL TO sigap_app
  USING (EXISTS (SELECT 1 FROM alerts a WHERE a.id = alert_id))
  WITH CHECK (EXISTS (SELECT 1 FROM alerts a WHERE a.id = alert_id));

-- Webhooks and their deliveries hold secrets and bodies for other systems: only the system (owner) reads them.
ALTER TABLE webhooks ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_attempts ENABLE ROW LEVEL SECURITY;

-- A user's transaction (an alert raised or closed) records deliveries through this function only: it sees
-- which webhooks want the alert's region without seeing their addresses or secrets. Returns the delivery ids.
CREATE FUNCTION sigap_record_webhook_deliveries(p_alert_id uuid, p_event text, p_body text, p_at timestamptz)
RETURNS SETOF uuid
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO webhook_deliveries (webhook_id, alert_id, event, body, created_at)
  SELECT w.id, a.id, p_event, p_body, p_at
  FROM alerts a JOIN webhooks w ON w.is_active AND (cardinality(w.region_codes) = 0
    OR EXISTS (SELECT 1 FROM unnest(w.region_codes) p WHERE a.region_code = p OR a.region_code LIKE p || '.%'))
  WHERE a.id = p_alert_id
  RETURNING id
$$;
REVOKE ALL ON FUNCTION sigap_record_webhook_deliveries(uuid, text, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sigap_record_webhook_deliveries(uuid, text, text, timestamptz) TO sigap_app;

GRANT SELECT, INSERT, UPDATE ON actor_groups, actor_group_branches, actor_group_rivalries, peace_agreements,
  calendar_events, alerts TO sigap_app;
GRANT SELECT, INSERT, DELETE ON peace_agreement_parties, report_actor_groups, case_actor_groups, calendar_event_groups
  TO sigap_app;
GRANT SELECT, INSERT ON peace_agreement_breaches, alert_actions TO sigap_app;
GRANT USAGE ON SEQUENCE alert_actions_id_seq TO sigap_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_overrides TO sigap_app;
GRANT SELECT ON early_warning_settings, region_levels, region_level_changes TO sigap_app;

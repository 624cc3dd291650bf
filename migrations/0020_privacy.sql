-- Personal data protection (UU 27/2022): the data protection officer's role (ppdp) and every column with personal
-- data marked in its comment, so the data map (src/shared/privacy/data-map.ts) and the schema can be compared.

-- ── The data protection officer ──────────────────────────────────────────────────────────────────
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('relawan', 'operator', 'koordinator', 'provinsi', 'mitra', 'admin', 'ppdp'));
COMMENT ON COLUMN users.role IS 'relawan, operator, koordinator, provinsi, mitra, admin, or ppdp (the data protection officer, PPDP: province-wide, reads people''s data only through the privacy module; row-level security gives it no region).';

-- ── Columns with personal data, marked (the data map declares purpose, basis and retention of each) ──
COMMENT ON COLUMN vulnerable_people.full_name IS 'Personal data (UU 27/2022), specific when a child or disabled: shown only to case handlers, each view access-logged.';
COMMENT ON COLUMN vulnerable_people.age IS 'Personal data (UU 27/2022): a child''s age is specific data; masked as an age band.';
COMMENT ON COLUMN vulnerable_people.vulnerable_group IS 'Personal data (UU 27/2022): disability is specific (health) data.';
COMMENT ON COLUMN vulnerable_people.needs IS 'Personal data (UU 27/2022): needs often reveal health; hidden outside the case handlers.';
COMMENT ON COLUMN vulnerable_people.guardian_name IS 'Personal data (UU 27/2022): the parent or guardian who consented for a child.';
COMMENT ON COLUMN referrals.handover_follow_up IS 'Personal data (UU 27/2022): when the case closed with this referral open, who follows it up (name, role or unit).';
COMMENT ON COLUMN reports.description IS 'Personal data (UU 27/2022) possible: free text that may name people.';
COMMENT ON COLUMN reports.groups_involved IS 'Personal data (UU 27/2022) possible: free text that may name people.';
COMMENT ON COLUMN report_photos.bytes IS 'Personal data (UU 27/2022) possible: a photo may show faces.';
COMMENT ON COLUMN case_photos.bytes IS 'Personal data (UU 27/2022) possible: a photo may show faces.';
COMMENT ON COLUMN follow_ups.latitude IS 'Personal data (UU 27/2022): where the field worker checked in.';
COMMENT ON COLUMN follow_ups.longitude IS 'Personal data (UU 27/2022): where the field worker checked in.';
COMMENT ON COLUMN peace_agreements.document IS 'Personal data (UU 27/2022): the signed agreement names its signatories.';
COMMENT ON COLUMN pillars.name IS 'Personal data (UU 27/2022): the pillar''s name, with the pillar''s consent for the registry.';
COMMENT ON COLUMN pillars.name_key IS 'Personal data (UU 27/2022): the name as searched and matched: lower case, old spellings and Muhammad variants folded.';
COMMENT ON COLUMN pillars.phone IS 'Personal data (UU 27/2022): normalised to +62…; masked for everyone but the registry''s managers.';
COMMENT ON COLUMN workshop_participants.name IS 'Personal data (UU 27/2022): a participant of a coordination meeting.';
COMMENT ON COLUMN workshop_actions.owner_name IS 'Personal data (UU 27/2022): who owns an action item of a meeting.';
COMMENT ON COLUMN users.username IS 'Personal data (UU 27/2022): the sign-in name of a person.';
COMMENT ON COLUMN users.display_name IS 'Personal data (UU 27/2022): the name shown on the user''s actions.';
COMMENT ON COLUMN sessions.user_agent IS 'Personal data (UU 27/2022): the browser or app that signed in (User-Agent, cut to 300 characters).';
COMMENT ON COLUMN sessions.address IS 'Personal data (UU 27/2022): the network address the sign-in came from.';
COMMENT ON COLUMN auth_failures.source IS 'Personal data (UU 27/2022): the network address, or device:<hash> for a device that signed in as this user before.';
COMMENT ON COLUMN auth_failures.username_key IS 'Personal data (UU 27/2022): the user name tried, lower case.';

-- ── Breaches of personal data (Pasal 46: notice within 3 × 24 hours) ───────────────────────────────
CREATE TABLE privacy_breaches (
  id uuid PRIMARY KEY,
  title text NOT NULL,
  description text NOT NULL,
  discovered_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  categories text[] NOT NULL DEFAULT '{}',
  subjects_estimate integer NOT NULL CHECK (subjects_estimate >= 0),
  measures text NOT NULL DEFAULT '',
  subject_notice_at timestamptz,
  authority_notice_at timestamptz,
  closed_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE privacy_breaches IS 'The breach register of the data protection officer: what happened, whose data (categories and a count, never the people), measures, and when the notices to the people and to the authority went out. Read and written by the privacy module only, with owner rights.';
COMMENT ON COLUMN privacy_breaches.due_at IS 'discovered_at + 72 hours: the deadline of both notices (Pasal 46 ayat 1).';
COMMENT ON COLUMN privacy_breaches.categories IS 'Data-map categories or kinds affected: umum, anak, disabilitas, kesehatan.';

-- Retention, the breach clock and anomaly signals (UU 27/2022 Pasal 43–46): the office's retention periods and
-- signal thresholds as settings, and what the breach register needs to remind, escalate and open suspected breaches.

CREATE TABLE privacy_settings (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  case_closed_years integer NOT NULL DEFAULT 5 CHECK (case_closed_years BETWEEN 1 AND 30),
  reporter_months integer NOT NULL DEFAULT 12 CHECK (reporter_months BETWEEN 1 AND 120),
  pillar_inactive_years integer NOT NULL DEFAULT 3 CHECK (pillar_inactive_years BETWEEN 1 AND 30),
  reads_threshold integer NOT NULL DEFAULT 100 CHECK (reads_threshold BETWEEN 5 AND 100000),
  reads_window_minutes integer NOT NULL DEFAULT 60 CHECK (reads_window_minutes BETWEEN 5 AND 1440),
  failed_accounts_threshold integer NOT NULL DEFAULT 5 CHECK (failed_accounts_threshold BETWEEN 2 AND 10000),
  failed_window_minutes integer NOT NULL DEFAULT 60 CHECK (failed_window_minutes BETWEEN 5 AND 1440),
  night_from_hour integer NOT NULL DEFAULT 22 CHECK (night_from_hour BETWEEN 0 AND 23),
  night_to_hour integer NOT NULL DEFAULT 5 CHECK (night_to_hour BETWEEN 0 AND 23),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE privacy_settings IS 'One row: how long personal data is kept before the retention job anonymises it (years after a case closed, months after a citizen reported, years after a pillar became inactive) and the thresholds of the anomaly signals. Owned by the settings module; edited by the data protection officer and the admin.';
COMMENT ON COLUMN privacy_settings.reads_threshold IS 'How many different records of people one account may read within reads_window_minutes before a suspected breach opens.';
COMMENT ON COLUMN privacy_settings.failed_accounts_threshold IS 'How many different accounts failing to sign in from one address within failed_window_minutes open a suspected breach.';
COMMENT ON COLUMN privacy_settings.night_from_hour IS 'An export carrying people''s names from this hour (WIB) up to night_to_hour opens a suspected breach.';
INSERT INTO privacy_settings DEFAULT VALUES;

ALTER TABLE privacy_breaches
  ADD COLUMN reminded_at timestamptz,
  ADD COLUMN escalated_at timestamptz,
  ADD COLUMN signal text CHECK (signal IN ('baca_massal', 'gagal_masuk', 'ekspor_malam')),
  ADD COLUMN signal_subject text,
  ADD COLUMN signal_key text UNIQUE,
  ADD COLUMN dismissed_reason text;
COMMENT ON COLUMN privacy_breaches.reminded_at IS 'When the data protection officer was reminded that the 3 × 24 hour deadline is near (once).';
COMMENT ON COLUMN privacy_breaches.escalated_at IS 'When the missed deadline went up to the province and the admin (once).';
COMMENT ON COLUMN privacy_breaches.signal IS 'The anomaly that opened this suspected breach; null for a breach recorded by hand.';
COMMENT ON COLUMN privacy_breaches.signal_subject IS 'What the signal is about: an account id, or a hash of a network address (never the address).';
COMMENT ON COLUMN privacy_breaches.signal_key IS 'signal, subject and time window: the same signal in the same window opens one suspected breach.';
COMMENT ON COLUMN privacy_breaches.dismissed_reason IS 'Why a suspected breach proved not to be one (closed without notices); null otherwise.';
CREATE INDEX privacy_breaches_open_due_idx ON privacy_breaches (due_at) WHERE closed_at IS NULL;

-- Accounts: sessions and tokens a user can see and end, token expiry, throttling by (username, address),
-- devices that signed in before.

ALTER TABLE sessions
  ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid(),
  ADD COLUMN user_agent text NOT NULL DEFAULT '',
  ADD COLUMN address text NOT NULL DEFAULT '';
CREATE UNIQUE INDEX sessions_id_idx ON sessions (id);
COMMENT ON COLUMN sessions.id IS 'How a session is named when listed and ended; the token hash never leaves the server.';
COMMENT ON COLUMN sessions.user_agent IS 'The browser or app that signed in (User-Agent, cut to 300 characters).';
COMMENT ON COLUMN sessions.address IS 'The network address the sign-in came from.';

ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;
UPDATE api_tokens SET expires_at = created_at + interval '90 days' WHERE expires_at IS NULL;
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);
COMMENT ON COLUMN api_tokens.expires_at IS 'After this the token is refused; 90 days after it was made unless chosen otherwise.';

-- Failed checks per (purpose, typed username, address): guesses from one place slow and lock that place only.
DROP TABLE login_failures;
CREATE TABLE auth_failures (
  purpose text NOT NULL CHECK (purpose IN ('login', 'password', 'totp')),
  username_key text NOT NULL,
  source text NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  PRIMARY KEY (purpose, username_key, source)
);
COMMENT ON TABLE auth_failures IS 'Failed sign-ins, current-password and second-factor checks per typed username (existing or not) and source, for slowing and locking.';
COMMENT ON COLUMN auth_failures.source IS 'The network address, or device:<hash> for a device that signed in as this user before.';

CREATE TABLE known_devices (
  device_hash text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_hash, user_id)
);
COMMENT ON TABLE known_devices IS 'Devices (a long-lived cookie, stored as SHA-256) that signed in as a user before: their guesses are counted apart from everyone else''s.';

-- Second factor: a TOTP secret per user (being enrolled, then confirmed) and one-time recovery codes.
ALTER TABLE users
  ADD COLUMN totp_secret text,
  ADD COLUMN totp_pending_secret text,
  ADD COLUMN totp_enabled_at timestamptz,
  ADD COLUMN totp_last_step bigint;
COMMENT ON COLUMN users.totp_secret IS 'The confirmed TOTP secret (base32); never granted to the app role.';
COMMENT ON COLUMN users.totp_pending_secret IS 'A secret shown for enrolment, used once the first code from it is confirmed.';
COMMENT ON COLUMN users.totp_enabled_at IS 'When the second factor was confirmed; null when the user has none.';
COMMENT ON COLUMN users.totp_last_step IS 'The 30-second step of the last accepted code, so a code is never accepted twice.';

CREATE TABLE totp_recovery_codes (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);
COMMENT ON TABLE totp_recovery_codes IS 'One-time codes for a lost authenticator, shown once at enrolment; only their SHA-256 is stored.';

-- One-time sign-in codes: a volunteer's first sign-in (accounts made in bulk from the pillar registry) and a
-- forgotten password (a reset code from their operator). Only the SHA-256 of a code is stored.

CREATE TABLE sign_in_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL UNIQUE,
  purpose text NOT NULL CHECK (purpose IN ('welcome', 'reset')),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_codes_user_idx ON sign_in_codes (user_id);
COMMENT ON TABLE sign_in_codes IS 'One-time codes with which a user sets a new password without the old one: the first sign-in of a bulk-made volunteer account, or a reset made by an operator or admin.';
COMMENT ON COLUMN sign_in_codes.code_hash IS 'SHA-256 of the normalised code (upper case, no separators); the code itself is shown or printed once and never stored.';
COMMENT ON COLUMN sign_in_codes.purpose IS 'welcome: made with a new account from the pillar registry; reset: a forgotten password.';
COMMENT ON COLUMN sign_in_codes.expires_at IS 'Seven days after the code was made; refused afterwards.';
COMMENT ON COLUMN sign_in_codes.used_at IS 'When the code set a password; a used code is refused.';

-- Wrong one-time codes are throttled per (username, source) like passwords.
ALTER TABLE auth_failures DROP CONSTRAINT auth_failures_purpose_check;
ALTER TABLE auth_failures ADD CONSTRAINT auth_failures_purpose_check
  CHECK (purpose IN ('login', 'password', 'totp', 'code'));

-- Rights of the people in the data (UU 27/2022 Pasal 5–8, 30, 32, 43): each request of a person (access, correction,
-- erasure/anonymisation) tracked with its legal deadline and its answer, and legal holds that keep a record from
-- erasure. Both tables hold no person's data: records are referenced by table and id, never by name.

CREATE TABLE privacy_requests (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('akses', 'perbaikan', 'penghapusan')),
  requested_by text NOT NULL CHECK (requested_by IN ('subjek', 'wali', 'kuasa')),
  received_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  records jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'diproses' CHECK (status IN ('diproses', 'selesai', 'ditolak')),
  answer text NOT NULL DEFAULT '',
  answered_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE privacy_requests IS 'Requests of data subjects to the data protection officer: kind, when received, the legal deadline, the records concerned (table and id only) and the answer. Read and written by the privacy module only, with owner rights.';
COMMENT ON COLUMN privacy_requests.due_at IS 'received_at + the deadline of the kind (3 × 24 hours: Pasal 30 ayat 2, Pasal 32 ayat 2; erasure: the office''s own target).';
COMMENT ON COLUMN privacy_requests.records IS 'The records concerned as [{table, id}], chosen from the subject search: references, no values.';
COMMENT ON COLUMN privacy_requests.answer IS 'What the office answered, or why it refused (never the person''s data itself).';
CREATE INDEX privacy_requests_open_idx ON privacy_requests (due_at) WHERE status = 'diproses';

CREATE TABLE privacy_legal_holds (
  subject_table text NOT NULL,
  subject_id uuid NOT NULL,
  reason text NOT NULL,
  set_by uuid REFERENCES users (id),
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subject_table, subject_id)
);
COMMENT ON TABLE privacy_legal_holds IS 'Legal holds: a record (or a whole case) that must be kept whatever a request or the retention job asks, e.g. evidence in a court case. Read and written by the privacy module only, with owner rights.';

-- ── Consent per person and its withdrawal (Pasal 20 ayat 2 huruf a, Pasal 9, Pasal 25) ─────────────────────────────
CREATE TABLE privacy_consents (
  purpose text NOT NULL CHECK (purpose IN ('kontak_balik', 'registri_pilar', 'wali_anak')),
  subject_key text NOT NULL,
  given_at timestamptz,
  withdrawn_at timestamptz,
  recorded_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (purpose, subject_key)
);
COMMENT ON TABLE privacy_consents IS 'Consent given and withdrawn per person and purpose: a citizen reporter''s consent to be contacted back, a pillar''s consent for the registry, a guardian''s consent for a child. Read and written by the privacy module only, with owner rights.';
COMMENT ON COLUMN privacy_consents.subject_key IS 'Personal data (UU 27/2022): the phone (+62…) of a citizen reporter, or the id of the pillar or the child.';

-- A withdrawn consent to be contacted is honoured for every reply and notice, whichever module queues it: the row
-- is dropped before it reaches the outbox.
CREATE FUNCTION privacy_drop_withdrawn_contact() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM privacy_consents
     WHERE purpose = 'kontak_balik' AND subject_key = NEW.recipient AND withdrawn_at IS NOT NULL
  ) THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER channel_outbox_honours_withdrawal BEFORE INSERT ON channel_outbox
  FOR EACH ROW EXECUTE FUNCTION privacy_drop_withdrawn_contact();

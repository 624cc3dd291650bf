-- Closing a case honours the people in it: a referral still open when its case closes is handed over to a
-- named service with a named person who follows it up; a closed case may be reopened (timeline + audit).

ALTER TABLE referrals
  ADD COLUMN handed_over_to text,
  ADD COLUMN handover_follow_up text,
  ADD COLUMN handed_over_at timestamptz,
  ADD COLUMN handed_over_by uuid REFERENCES users (id);
COMMENT ON COLUMN referrals.handed_over_to IS 'When the case closed with this referral open: the service or institution that takes it over.';
COMMENT ON COLUMN referrals.handover_follow_up IS 'When the case closed with this referral open: who follows it up (name, role or unit).';
COMMENT ON COLUMN referrals.handed_over_at IS 'When the hand-over was recorded (the closing of the case); null when never handed over.';
COMMENT ON COLUMN referrals.handed_over_by IS 'The handler who recorded the hand-over.';

-- The evaluation counts closed cases with referrals still open: closed cases of a period, by closing time.
CREATE INDEX referrals_open_case_idx ON referrals (case_id) WHERE status IN ('dirujuk', 'diterima');

-- ── Search that finds the root word ───────────────────────────────────────────────────────────
-- PostgreSQL's Indonesian stemmer (Snowball) cuts a bare root that merely ends like a suffix ('damai' →
-- 'dama', '-i') but keeps it inside a derived form ('berdamai', 'perdamaian', 'mendamaikan' → 'damai'), so the
-- root and its derived forms never met. Both sides now carry each word twice, as its stem and as written:
-- the documents index both, and every word of a query matches either (sigap_search_query), so 'damai' finds
-- 'berdamai' (its stem is the written root) and 'perdamaian' finds 'damai' (the written root is its stem).

/** The search document of a text: its Indonesian stems and its words as written (lower case). */
CREATE FUNCTION sigap_search_document(p_text text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('indonesian'::regconfig, coalesce(p_text, '')) || to_tsvector('simple'::regconfig, coalesce(p_text, ''))
$$;
COMMENT ON FUNCTION sigap_search_document(text) IS 'Search document: Indonesian stems plus the words as written, so roots and derived forms meet.';

/**
 * A query in web-search syntax (quotes, or, -) where every word matches its Indonesian stem or itself as
 * written: 'damai pengungsian' → ('damai' | 'dama') & ('pengungsian' | 'ungsi').
 */
CREATE FUNCTION sigap_search_query(p_query text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  written text := websearch_to_tsquery('simple'::regconfig, coalesce(p_query, ''))::text;
  lexeme constant text := '''((?:[^'']|'''')+)''';
  parts text[];
  words text[];
  word text;
  stem text;
  result text;
BEGIN
  IF written = '' THEN
    RETURN ''::tsquery;
  END IF;
  parts := regexp_split_to_array(written, lexeme);
  SELECT array_agg(replace(m[1], '''''', '''') ORDER BY n) INTO words
  FROM regexp_matches(written, lexeme, 'g') WITH ORDINALITY AS x (m, n);
  result := parts[1];
  FOR i IN 1 .. coalesce(array_length(words, 1), 0) LOOP
    word := words[i];
    stem := coalesce((ts_lexize('indonesian_stem', word))[1], word);
    result := result || CASE WHEN stem = word THEN quote_literal(word)
                             ELSE '(' || quote_literal(word) || ' | ' || quote_literal(stem) || ')' END
                     || parts[i + 1];
  END LOOP;
  RETURN result::tsquery;
END
$$;
COMMENT ON FUNCTION sigap_search_query(text) IS 'Web-search query whose every word matches its Indonesian stem or itself as written (see sigap_search_document).';

ALTER TABLE reports DROP COLUMN search;
ALTER TABLE reports ADD COLUMN search tsvector GENERATED ALWAYS AS (
  sigap_search_document(description || ' ' || groups_involved)
) STORED;
COMMENT ON COLUMN reports.search IS 'Search document of the description and groups: Indonesian stems plus the words as written.';
CREATE INDEX reports_search_idx ON reports USING gin (search);

CREATE OR REPLACE FUNCTION sigap_lesson_document(p_title text, p_body text, p_tags text[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(sigap_search_document(p_title), 'A')
      || setweight(sigap_search_document(array_to_string(p_tags, ' ')), 'A')
      || setweight(sigap_search_document(p_body), 'B')
$$;
-- A generated column keeps what it stored: re-adding it computes every lesson's document anew.
ALTER TABLE lessons DROP COLUMN search;
ALTER TABLE lessons ADD COLUMN search tsvector GENERATED ALWAYS AS (
  sigap_lesson_document(title, situation || ' ' || actions_taken || ' ' || what_worked || ' ' || what_to_avoid, tags)
) STORED;
COMMENT ON COLUMN lessons.search IS 'Full-text document: title and tags weigh A, the body B; Indonesian stems plus the words as written (damai ~ berdamai ~ perdamaian).';
CREATE INDEX lessons_search_idx ON lessons USING gin (search);

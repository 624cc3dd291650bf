-- Route rate limits shared by every app instance on one PostgreSQL (issue 13): @fastify/rate-limit's counters
-- live here instead of in each process's memory, so two instances allow what one does. The embedded database
-- runs one process and keeps its counters in memory; the table exists there too, unused.
CREATE TABLE rate_limit_counters (
  key_hash text PRIMARY KEY,
  hits integer NOT NULL,
  window_ends_at timestamptz NOT NULL
);
COMMENT ON TABLE rate_limit_counters IS
  'Requests counted per route and client in the current window, shared by all instances; read and written by the owner pool only.';
COMMENT ON COLUMN rate_limit_counters.key_hash IS
  'SHA-256 of the route and the client key (the address is never stored).';
COMMENT ON COLUMN rate_limit_counters.window_ends_at IS 'When the count starts again from zero.';
CREATE INDEX rate_limit_counters_window_idx ON rate_limit_counters (window_ends_at);

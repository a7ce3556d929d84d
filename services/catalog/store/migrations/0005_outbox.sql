-- The transactional outbox (libs/outbox, docs/events.md): exam.completed is recorded in the same transaction
-- as the exam's grading, and the relay publishes it to catalog.events.
CREATE TABLE catalog.outbox (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  type text NOT NULL,
  version integer NOT NULL,
  subject text NOT NULL,
  data jsonb NOT NULL,
  trace_id text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_unpublished ON catalog.outbox (seq) WHERE published_at IS NULL;

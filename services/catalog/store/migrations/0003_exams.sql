-- Catalog schema, part 3: exams. session is the whole ExamSession (catalog_io's session_to_json) and drawn the
-- drawn questions with their revisions; started_at, deadline, finished_at, passed, score and max_score repeat
-- the session for history lists and the expiry sweep. version counts saves: a save names the version it read
-- and fails when another save came first (optimistic concurrency).
CREATE TABLE catalog.exams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id text,  -- NULL: anonymous
  jurisdiction text NOT NULL,
  licence_class text NOT NULL,
  blueprint_code text NOT NULL,
  blueprint_version int NOT NULL,
  seed bigint NOT NULL,  -- the draw's uint64 seed, stored bit for bit
  started_at timestamptz NOT NULL,
  deadline timestamptz NOT NULL,
  finished_at timestamptz,
  status text NOT NULL CHECK (status IN ('in_progress', 'submitted', 'expired')),
  passed boolean,
  score int,
  max_score int,
  drawn jsonb NOT NULL,
  session jsonb NOT NULL,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (blueprint_code, blueprint_version) REFERENCES catalog.blueprints (code, version)
);

CREATE INDEX exams_user_started ON catalog.exams (user_id, started_at DESC, id) WHERE user_id IS NOT NULL;
CREATE INDEX exams_expiry ON catalog.exams (deadline) WHERE status = 'in_progress';
CREATE INDEX exams_blueprint ON catalog.exams (blueprint_code, blueprint_version);

-- Catalog schema, part 1: reference data, the question bank with its revisions, exam blueprints and the bank
-- version. Written for the schema "catalog": migrate_store() renders every "catalog." to the schema it is given
-- (each test migrates a schema of its own), so qualify every object of ours with "catalog." and nothing else.
-- Timestamps are timestamptz (UTC instants); actors are the admin user ids as the API knows them.

-- Reference data, keyed by their bank-format codes. Names are localized text: {"vi": "...", "en": "..."}.
CREATE TABLE catalog.jurisdictions (
  code text PRIMARY KEY,
  name jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Topic and licence class codes are unique within their jurisdiction ("B" exists in several).
CREATE TABLE catalog.topics (
  jurisdiction text NOT NULL REFERENCES catalog.jurisdictions (code),
  code text NOT NULL,
  ordinal int NOT NULL,
  name jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (jurisdiction, code)
);

CREATE TABLE catalog.licence_classes (
  jurisdiction text NOT NULL REFERENCES catalog.jurisdictions (code),
  code text NOT NULL,
  name jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (jurisdiction, code)
);

-- A question's identity. Its content lives in question_revisions; jurisdiction, topic and status repeat those of
-- the current revision for filtering. Deleting is soft (deleted_at): exams and answer logs keep pointing at it.
CREATE TABLE catalog.questions (
  id bigserial PRIMARY KEY,
  external_id text NOT NULL UNIQUE,
  jurisdiction text NOT NULL,
  topic text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  current_revision int NOT NULL CHECK (current_revision >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  deleted_at timestamptz,
  deleted_by text,
  FOREIGN KEY (jurisdiction, topic) REFERENCES catalog.topics (jurisdiction, code)
);

CREATE INDEX questions_bank ON catalog.questions (jurisdiction, status, id) WHERE deleted_at IS NULL;

-- Every content a question ever had; never updated or deleted. content is the whole question in the bank format
-- (catalog_io's question_to_json); the id and revision are the columns.
CREATE TABLE catalog.question_revisions (
  question_id bigint NOT NULL REFERENCES catalog.questions (id),
  revision int NOT NULL CHECK (revision >= 1),
  content jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  PRIMARY KEY (question_id, revision)
);

-- The current revision exists (checked at commit: the question row and its first revision are inserted together).
ALTER TABLE catalog.questions
  ADD CONSTRAINT questions_current_revision_fkey FOREIGN KEY (id, current_revision)
  REFERENCES catalog.question_revisions (question_id, revision) DEFERRABLE INITIALLY DEFERRED;

-- One row per (code, version). content is the whole blueprint in the bank format (catalog_io's
-- blueprint_to_json); the other columns repeat it for filtering. Deleting is soft: exams keep grading with it.
CREATE TABLE catalog.blueprints (
  code text NOT NULL,
  version int NOT NULL CHECK (version >= 1),
  jurisdiction text NOT NULL,
  licence_class text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  content jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  deleted_at timestamptz,
  deleted_by text,
  PRIMARY KEY (code, version),
  FOREIGN KEY (jurisdiction, licence_class) REFERENCES catalog.licence_classes (jurisdiction, code)
);

CREATE INDEX blueprints_class ON catalog.blueprints (jurisdiction, licence_class) WHERE deleted_at IS NULL;

-- One row, bumped in the same transaction as every admin change of questions, blueprints or reference data:
-- caches of the bank compare it. Admin writes lock this row first, which also serializes them.
CREATE TABLE catalog.bank_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by text
);

INSERT INTO catalog.bank_version (version) VALUES (1);

-- Microseconds since the epoch: how the store reads instants back without parsing timestamp text.
CREATE FUNCTION catalog.epoch_us(t timestamptz) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN (extract(epoch FROM t) * 1000000)::bigint;

-- File service schema: one row per stored object. Written for the schema "files": migrate_store() renders every
-- "files." to the schema it is given (each test migrates a schema of its own).
-- The object's identity is the SHA-256 of its bytes (content addressing: the same bytes are stored once); the
-- object key in the bucket is key_prefix + sha256, and the bucket follows from the visibility.
CREATE TABLE files.objects (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  object_key text NOT NULL UNIQUE,
  visibility text NOT NULL CHECK (visibility IN ('public', 'private')),
  media_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  width int CHECK (width > 0),
  height int CHECK (height > 0),
  original_name text NOT NULL DEFAULT '',
  uploaded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The list: newest first.
CREATE INDEX objects_created ON files.objects (created_at DESC, sha256);

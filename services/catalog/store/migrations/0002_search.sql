-- Catalog schema, part 2: full-text search over the questions' text and options, in every language, that finds
-- Vietnamese words typed with or without diacritics ("bien bao" finds "biển báo", "duong" finds "Đường").
--
-- Text is normalized before indexing and before querying: NFC, unaccent, đ/Đ -> d (unaccent's rules do it too;
-- spelled out so the behaviour never depends on the rules file), lower case. The document holds both the plain
-- words ('simple': every language) and English stems ('english': "signs" finds "sign"); a query matches either.

-- unaccent is a trusted extension: the database owner (or any role with CREATE on the database) may install it.
-- Installed once per database, in public when missing; two schemas migrating at once may race to create it.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
EXCEPTION WHEN unique_violation OR duplicate_object THEN
  NULL;  -- created meanwhile by a concurrent migration
END $$;

-- unaccent() is only STABLE (its dictionary could change); the index needs an IMMUTABLE wrapper. The body is
-- bound to the extension's schema wherever it was installed.
DO $$
DECLARE
  ext_schema text := (SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent');
BEGIN
  EXECUTE format($sql$
    CREATE FUNCTION catalog.search_normalize(input text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      RETURN lower(translate(%1$s.unaccent(%2$L::regdictionary, normalize(input, NFC)), 'đĐ', 'dD'))
  $sql$, ext_schema, ext_schema || '.unaccent');
END $$;

-- The searchable text of a question's content: every language of its text and of its options' texts.
CREATE FUNCTION catalog.question_search_text(content jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT coalesce(string_agg(texts.value, ' '), '')
    FROM (SELECT t.value
            FROM jsonb_each_text(CASE WHEN jsonb_typeof(content -> 'text') = 'object'
                                      THEN content -> 'text' ELSE '{}'::jsonb END) t
          UNION ALL
          SELECT t.value
            FROM jsonb_array_elements(CASE WHEN jsonb_typeof(content -> 'options') = 'array'
                                           THEN content -> 'options' ELSE '[]'::jsonb END) o,
                 jsonb_each_text(CASE WHEN jsonb_typeof(o -> 'text') = 'object'
                                      THEN o -> 'text' ELSE '{}'::jsonb END) t) texts;
END;

CREATE FUNCTION catalog.search_document(input text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN to_tsvector('simple'::regconfig, catalog.search_normalize(input))
      || to_tsvector('english'::regconfig, catalog.search_normalize(input));

-- All words of the input must match (as typed, or as an English stem).
CREATE FUNCTION catalog.search_query(input text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN plainto_tsquery('simple'::regconfig, catalog.search_normalize(input))
      || plainto_tsquery('english'::regconfig, catalog.search_normalize(input));

ALTER TABLE catalog.question_revisions
  ADD COLUMN search tsvector
  GENERATED ALWAYS AS (catalog.search_document(catalog.question_search_text(content))) STORED;

CREATE INDEX question_revisions_search ON catalog.question_revisions USING gin (search);

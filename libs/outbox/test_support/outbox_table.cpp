#include "outbox/test_support/outbox_table.hpp"

#include <stdexcept>

#include "db/schema_name.hpp"

namespace dt::outbox::testing {

Awaitable<void> create_outbox_table(db::Database& db, std::string schema) {
  if (!db::is_valid_schema_name(schema)) throw std::invalid_argument("invalid schema name '" + schema + "'");
  co_await db.query("CREATE SCHEMA IF NOT EXISTS " + schema);
  co_await db.query("CREATE TABLE " + schema +
                    ".outbox (seq bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),"
                    " type text NOT NULL, version integer NOT NULL, subject text NOT NULL, data jsonb NOT NULL,"
                    " trace_id text NOT NULL DEFAULT '', created_at timestamptz NOT NULL DEFAULT now(),"
                    " published_at timestamptz)");
  co_await db.query("CREATE INDEX outbox_unpublished ON " + schema + ".outbox (seq) WHERE published_at IS NULL");
}

}  // namespace dt::outbox::testing

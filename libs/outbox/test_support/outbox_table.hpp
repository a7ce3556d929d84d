#pragma once
// Test and benchmark support: an outbox table with the columns every service's migration creates
// (services/account/store/migrations/0001_accounts.sql, docs/events.md), in a schema of the caller's.
#include <string>

#include "async/awaitable.hpp"
#include "db/database.hpp"

namespace dt::outbox::testing {

// CREATE SCHEMA IF NOT EXISTS <schema>; CREATE TABLE <schema>.outbox (...) with its partial index.
Awaitable<void> create_outbox_table(db::Database& db, std::string schema);

}  // namespace dt::outbox::testing

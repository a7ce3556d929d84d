// catalog-import FILE...: loads drivetest-bank/1 documents into the Catalog through its import path (the same
// all-or-nothing parse and transaction as POST /api/catalog/admin/import). Idempotent: importing the same files
// again changes nothing. `make run` uses it to load the demo banks. Exit 0 on success, 1 with the rejection
// report on stderr when a document has bad rows (nothing is imported then), 2 for bad configuration.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cache/redis.hpp"
#include "catalog/bank/bank_cache.hpp"
#include "catalog/io/bank_parse.hpp"
#include "catalog/io/import_report.hpp"
#include "catalog/store/catalog_store.hpp"
#include "catalog/store/store_migrations.hpp"
#include "config/env_config.hpp"
#include "db/database.hpp"

namespace {

using namespace dt;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Awaitable<int> import_all(std::vector<std::string> files, db::PoolOptions pg, cache::RedisOptions redis_options,
                          std::string schema) {
  const auto executor = co_await boost::asio::this_coro::executor;
  db::Database db(executor, pg);
  co_await catalog::store::migrate_store(db, schema);
  catalog::store::CatalogStore store(db, schema);
  for (const auto& file : files) {
    const auto parsed = catalog::io::parse_bank(boost::json::parse(read_file(file)), co_await store.known_references());
    if (!parsed.report.ok()) {
      std::cerr << file << ": rejected, nothing imported:\n"
                << boost::json::serialize(catalog::io::import_report_to_json(parsed.report)) << '\n';
      co_return 1;
    }
    const auto summary = co_await store.import_bank(parsed.accepted, "catalog-import");
    const auto& q = summary.questions;
    std::cout << file << ": questions " << q.created << " created, " << q.revised << " revised, " << q.unchanged
              << " unchanged; blueprints " << summary.blueprints.created << " created, " << summary.blueprints.revised
              << " revised, " << summary.blueprints.unchanged << " unchanged\n";
  }
  cache::Redis redis(executor, redis_options);
  catalog::bank::BankCache bank(store, redis, schema);
  co_await bank.changed();
  co_return 0;
}

}  // namespace

int main(int argc, char** argv) {
  config::EnvConfig env;
  db::PoolOptions pg;
  pg.url = env.required_string("DT_PG_URL");
  pg.application_name = "catalog-import";
  cache::RedisOptions redis_options;
  redis_options.url = env.required_string("DT_REDIS_URL");
  const auto schema = env.string("DT_CATALOG_SCHEMA", "catalog");
  try {
    env.check();
  } catch (const config::ConfigError& e) {
    std::cerr << "catalog-import: " << e.what() << '\n';
    return 2;
  }
  std::vector<std::string> files(argv + 1, argv + argc);
  if (files.empty()) {
    std::cerr << "usage: catalog-import FILE...\n";
    return 2;
  }
  boost::asio::io_context io;
  int code = 1;
  boost::asio::co_spawn(io, import_all(files, pg, redis_options, schema), [&](std::exception_ptr e, int result) {
    if (!e) {
      code = result;
      return;
    }
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& error) {
      std::cerr << "catalog-import: " << error.what() << '\n';
    }
  });
  io.run();
  return code;
}

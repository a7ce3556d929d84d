#include "catalog/bank/bank_cache.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <charconv>
#include <chrono>

#include "cache/errors.hpp"
#include "cache/redis.hpp"
#include "catalog/io/blueprint_json.hpp"
#include "catalog/io/question_json.hpp"
#include "catalog/store/catalog_store.hpp"
#include "log/log.hpp"

namespace dt::catalog::bank {
namespace {

constexpr std::chrono::hours kBlobTtl{24};

std::string serialize(const std::vector<Question>& questions, const std::vector<Blueprint>& blueprints) {
  boost::json::array qs;
  for (const auto& q : questions) qs.push_back(io::question_to_json(q));
  boost::json::array bs;
  for (const auto& b : blueprints) bs.push_back(io::blueprint_to_json(b));
  boost::json::object doc;
  doc["questions"] = std::move(qs);
  doc["blueprints"] = std::move(bs);
  return boost::json::serialize(doc);
}

std::shared_ptr<const BankSnapshot> deserialize(std::int64_t version, const std::string& text) {
  const auto doc = boost::json::parse(text).as_object();
  std::vector<Question> questions;
  for (const auto& q : doc.at("questions").as_array()) questions.push_back(io::read_question(q, "questions"));
  std::vector<Blueprint> blueprints;
  for (const auto& b : doc.at("blueprints").as_array()) blueprints.push_back(io::read_blueprint(b, "blueprints"));
  return std::make_shared<const BankSnapshot>(version, std::move(questions), std::move(blueprints));
}

std::optional<std::int64_t> parse_version(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || ptr != text->data() + text->size()) return std::nullopt;
  return v;
}

}  // namespace

BankCache::BankCache(store::CatalogStore& store, cache::Redis& redis, std::string key_prefix)
    : store_(store), redis_(redis), prefix_(std::move(key_prefix)) {}

std::shared_ptr<const BankSnapshot> BankCache::cached() const {
  std::lock_guard lock(mutex_);
  return current_;
}

Awaitable<std::int64_t> BankCache::current_version() {
  try {
    if (auto v = parse_version(co_await redis_.get(version_key()))) co_return *v;
    const auto version = co_await store_.bank_version();
    co_await redis_.set(version_key(), std::to_string(version));
    co_return version;
  } catch (const cache::Unavailable& e) {
    log::warn("redis unavailable: reading the bank version from PostgreSQL", {{"error", e.what()}});
  }
  co_return co_await store_.bank_version();
}

Awaitable<std::shared_ptr<const BankSnapshot>> BankCache::snapshot() {
  const auto version = co_await current_version();
  if (auto snap = cached(); snap && snap->version() == version) co_return snap;
  auto fresh = co_await load(version);
  {
    std::lock_guard lock(mutex_);
    if (!current_ || current_->version() < fresh->version()) current_ = fresh;
  }
  co_return fresh;
}

Awaitable<std::shared_ptr<const BankSnapshot>> BankCache::load(std::int64_t version) {
  try {
    if (auto blob = co_await redis_.get(blob_key(version))) co_return deserialize(version, *blob);
  } catch (const cache::Unavailable& e) {
    log::warn("redis unavailable: loading the bank from PostgreSQL", {{"error", e.what()}});
  }
  // The version is read before the content: content can only be newer than its tag, never older.
  const auto stored_version = co_await store_.bank_version();
  std::vector<Question> questions;
  for (const auto& j : co_await store_.jurisdictions()) {
    auto part = co_await store_.published_bank(j.code);
    questions.insert(questions.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  auto blueprints = co_await store_.blueprints();
  const auto tag = std::min(version, stored_version);
  try {
    co_await redis_.set(blob_key(tag), serialize(questions, blueprints), kBlobTtl);
  } catch (const cache::Unavailable&) {
  }
  log::info("bank loaded", {{"version", static_cast<long long>(tag)}, {"questions", questions.size()}});
  co_return std::make_shared<const BankSnapshot>(tag, std::move(questions), std::move(blueprints));
}

Awaitable<void> BankCache::changed() {
  const auto version = co_await store_.bank_version();
  try {
    co_await redis_.set(version_key(), std::to_string(version));
  } catch (const cache::Unavailable& e) {
    log::warn("redis unavailable: other instances see the bank change when it is back", {{"error", e.what()}});
  }
}

}  // namespace dt::catalog::bank

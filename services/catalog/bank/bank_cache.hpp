#pragma once
// BankCache: the current BankSnapshot, shared by every request of this instance.
//
// PostgreSQL is the truth and its bank_version counts admin changes. Redis holds, for all instances, the
// current version (key <prefix>:bank:version) and the serialized bank of each version (<prefix>:bank:<version>),
// so a new instance or a changed bank costs one Redis read rather than a scan of the question tables.
// Each snapshot() asks Redis for the version (one GET) and rebuilds only when it moved. When Redis is down the
// version comes from PostgreSQL instead (a one-row read): slower, never stale, never content from PG per exam.
#include <memory>
#include <mutex>
#include <string>

#include "async/awaitable.hpp"
#include "catalog/bank/bank_snapshot.hpp"

namespace dt::cache {
class Redis;
}
namespace dt::catalog::store {
class CatalogStore;
}

namespace dt::catalog::bank {

class BankCache {
 public:
  // key_prefix: the store's schema name, so that catalogues sharing a Redis (tests) never share keys.
  BankCache(store::CatalogStore& store, cache::Redis& redis, std::string key_prefix = "catalog");

  Awaitable<std::shared_ptr<const BankSnapshot>> snapshot();
  // After an admin change committed: publish the store's new version so every instance reloads.
  Awaitable<void> changed();

 private:
  std::string version_key() const { return prefix_ + ":bank:version"; }
  std::string blob_key(std::int64_t version) const { return prefix_ + ":bank:" + std::to_string(version); }

  Awaitable<std::int64_t> current_version();
  Awaitable<std::shared_ptr<const BankSnapshot>> load(std::int64_t version);
  std::shared_ptr<const BankSnapshot> cached() const;

  store::CatalogStore& store_;
  cache::Redis& redis_;
  std::string prefix_;
  mutable std::mutex mutex_;
  std::shared_ptr<const BankSnapshot> current_;
};

}  // namespace dt::catalog::bank

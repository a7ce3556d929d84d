#pragma once
// CatalogHarness: the whole Catalog service in-process on an ephemeral port, against the real PostgreSQL and
// Redis (DT_PG_URL, DT_REDIS_URL), in a schema of its own that is dropped afterwards. The demo banks of
// services/catalog/data are imported before it starts (pass none to start empty). Requests go over real TCP.
#include <boost/json/value.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/test_support/raw_client.hpp"

namespace dt::catalog::testing {

struct Reply {
  int status = 0;
  boost::json::value body;  // null when the body is not JSON
  std::string text;
  std::string header(const std::string& name) const { return raw.header(name); }
  http::testing::RawResponse raw;
};

class CatalogHarness {
 public:
  // banks: file names in services/catalog/data, e.g. {"vn-bank.json"}.
  explicit CatalogHarness(std::vector<std::string> banks = {"vn-bank.json", "uk-bank.json", "de-bank.json"});
  ~CatalogHarness();
  CatalogHarness(const CatalogHarness&) = delete;
  CatalogHarness& operator=(const CatalogHarness&) = delete;

  std::uint16_t port() const;
  // Moves the service's clock (exam deadlines) forward.
  void advance_clock(std::chrono::seconds by);
  const std::string& schema() const;

  // One request on a fresh connection. `user` sets X-DT-User-Id (and X-DT-Roles: admin when admin is true).
  Reply call(const std::string& method, const std::string& target, const std::string& body = "",
             std::optional<std::string> user = std::nullopt, bool admin = false, const std::string& extra_headers = "");
  Reply get(const std::string& target, std::optional<std::string> user = std::nullopt) {
    return call("GET", target, "", std::move(user));
  }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether `member` is the name of a member anywhere in `value` (to prove that no "correct" or "explanation"
// reaches a learner before submit).
bool mentions(const boost::json::value& value, std::string_view member);

// The demo bank file, read whole.
std::string read_data_file(const std::string& name);

}  // namespace dt::catalog::testing

#pragma once
// CatalogHarness: the whole Catalog service in-process on an ephemeral port, against the real PostgreSQL and
// Redis (DT_PG_URL, DT_REDIS_URL), in a schema of its own that is dropped afterwards. The demo banks of
// services/catalog/data are imported before it starts (pass none to start empty). Requests go over real TCP.
// Signed-in calls carry real RS256 access tokens, minted by the harness and checked by the service against the
// harness's own JWKS server, exactly as it checks Keycloak's (the Keycloak path: tests/integration).
#include <boost/json/value.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/test_support/json_call.hpp"

namespace dt::catalog::testing {

using Reply = http::testing::JsonReply;

// Whose tokens the service accepts: the harness's own (token_for) or the real Keycloak's (DT_KEYCLOAK_URL).
enum class Identity { harness_keys, keycloak };

class CatalogHarness {
 public:
  // banks: file names in services/catalog/data, e.g. {"vn-bank.json"}.
  explicit CatalogHarness(std::vector<std::string> banks = {"vn-bank.json", "uk-bank.json", "de-bank.json"},
                          Identity identity = Identity::harness_keys);
  ~CatalogHarness();
  CatalogHarness(const CatalogHarness&) = delete;
  CatalogHarness& operator=(const CatalogHarness&) = delete;

  std::uint16_t port() const;
  // Moves the service's clock (exam deadlines) forward.
  void advance_clock(std::chrono::seconds by);
  const std::string& schema() const;
  // SQL against the harness's schema ("catalog." renamed): the first column of the first row.
  std::int64_t query_int(const std::string& query);
  // A valid access token for user_id (roles: learner, and admin when admin is true).
  std::string token_for(const std::string& user_id, bool admin = false) const;

  // One request on a fresh connection. `user` sends a bearer token for that user id (with the admin role
  // when admin is true).
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

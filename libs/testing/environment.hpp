#pragma once
// What tests against the project's real servers need from their environment: the servers' URLs (infra/env.sh
// exports them; make test does) and names no other test run uses (schemas, buckets, topics).
#include <string>
#include <string_view>

namespace dt::testing {

// The variable's value; throws std::runtime_error naming it when it is unset or empty.
std::string required_env(const char* name);

// prefix + a random number below 10^9, for a schema, key prefix or group of this test run alone.
std::string unique_name(std::string_view prefix);

}  // namespace dt::testing

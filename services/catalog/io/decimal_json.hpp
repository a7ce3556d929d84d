#pragma once
// Decimal <-> JSON number, exactly. Boost.JSON (1.81) hands a number with a fraction over as a double, so the
// reader accepts a double only when it is the double nearest to some value with at most three decimals: "2.5",
// "0.125" and "50" pass, "2.5001" and "0.0005" are rejected rather than rounded. (Digits beyond a double's
// precision, "2.50000000000000001", are indistinguishable from "2.5" once parsed and are accepted as 2.5.)
#include <boost/json/value.hpp>

#include <string>

#include "catalog/domain/decimal.hpp"

namespace dt::catalog::io {

// An integer when the value is whole ("50"), else a number ("2.5", which Boost.JSON writes as 2.5E0).
boost::json::value decimal_to_json(Decimal value);
// Throws dt::Problem::invalid_field(path) for a non-number, more than three decimals, or a value beyond
// Decimal's range.
Decimal decimal_from_json(const boost::json::value& value, const std::string& path);

}  // namespace dt::catalog::io

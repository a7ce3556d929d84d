#pragma once
// Blueprint <-> the bank format's blueprint object (FORMAT.md):
//   {"code", "jurisdiction", "licence_class", "version", "valid_from": "YYYY-MM-DD",
//    "valid_to": "YYYY-MM-DD" | null (exclusive end; null or absent: open-ended), "question_count",
//    "time_limit_seconds", "pool": null | "name", "quotas": [{"topics": [...], "count", "weight"?}],
//    "critical": {"count", "fail_on_wrong"}, "scoring": {...}, "navigation": {"flag", "revisit"}}
// scoring is {"policy": "count_correct", "pass_mark"} or {"policy": "error_points", "max_error_points",
// "max_weight_wrong_limit", "max_weight"?} (max_weight defaults to 0: the highest weight in the exam).
// critical defaults to {"count": 0, "fail_on_wrong": false} and navigation to {"flag": true, "revisit": true};
// everything else is required. Reading is strict like question_json.hpp: wrong types, missing and unknown
// members throw dt::Problem::invalid_field naming the path ("blueprints[2].quotas[1].count").
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>

#include "catalog/domain/blueprint.hpp"

namespace dt::catalog::io {

boost::json::object blueprint_to_json(const Blueprint& blueprint);

// Structure only; the arithmetic (quotas + critical = question_count, pass mark, dates) is validate()'s.
Blueprint read_blueprint(const boost::json::value& value, const std::string& path);
// read_blueprint, then validate(blueprint), its first problem thrown as invalid_field at path + its field.
Blueprint blueprint_from_json(const boost::json::value& value, const std::string& path);

}  // namespace dt::catalog::io

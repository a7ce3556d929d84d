#pragma once
// ExamResult <-> JSON, field for field, for storing a graded exam with its session (session_json.hpp); an exact
// round trip. Not what the candidate sees: that is result_json.hpp.
//
// {"questions": [{"id", "revision", "topic", "weight", "critical", "outcome"}], "score", "max_score",
//  "answered", "error_points", "total_weight", "topics": [{"topic", "correct", "total"}], "passed",
//  "fail_reasons": [{"kind", "actual", "limit", "weight", "questions": [ids]}]}
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>

#include "catalog/domain/exam_result.hpp"

namespace dt::catalog::io {

boost::json::object result_record_to_json(const ExamResult& result);
// Strict; throws dt::Problem::invalid_field naming the path.
ExamResult result_record_from_json(const boost::json::value& value, const std::string& path);

}  // namespace dt::catalog::io

#pragma once
// DrawnQuestion <-> {"id", "revision", "kind", "critical", "option_order": [...]}, for storing a drawn exam
// (session_json.hpp) or just its question list. Reading is strict (dt::Problem::invalid_field naming the path)
// and checks that option_order is a permutation of 0..n-1 (empty for a numeric question).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <vector>

#include "catalog/domain/drawn_question.hpp"

namespace dt::catalog::io {

boost::json::object drawn_question_to_json(const DrawnQuestion& question);
DrawnQuestion drawn_question_from_json(const boost::json::value& value, const std::string& path);

boost::json::array drawn_questions_to_json(const std::vector<DrawnQuestion>& questions);
std::vector<DrawnQuestion> drawn_questions_from_json(const boost::json::value& value, const std::string& path);

}  // namespace dt::catalog::io

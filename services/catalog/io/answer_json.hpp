#pragma once
// Answer <-> JSON, as the exam API receives and shows it: {"selected": [option ids]} for a choice question
// (ids are the options' indices in the question, as exam_to_json sends them, in any order) and
// {"value": number} for a numeric one (an exact decimal, decimal_json.hpp).
//
// Reading checks the answer against its question and throws dt::Problem::invalid_field naming the field:
// "<path>.selected[2]" for an id that is not an option or is given twice, "<path>.selected" for an empty
// choice, "<path>.value" for a choice question sent a number (and the reverse), unknown members too.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>

#include "catalog/domain/answer.hpp"
#include "catalog/domain/drawn_question.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog::io {

boost::json::object answer_to_json(const Answer& answer);

Answer answer_from_json(const boost::json::value& value, const Question& question, const std::string& path);
// The same for a question of a drawn exam: the session knows each question's kind and option count, so an
// answer can be checked without loading the question's content.
Answer answer_from_json(const boost::json::value& value, const DrawnQuestion& question, const std::string& path);

}  // namespace dt::catalog::io

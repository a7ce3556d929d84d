#pragma once
// A question as practice shows it before the learner answers: what to read and what to choose from, never what
// gives the answer away (no correct flags, no numeric answer key, no explanation: the answer route sends those
// once the learner has answered). Unlike an exam, practice says which questions are critical: learners study
// them on purpose. Options keep the bank's order, each with its index in the question as "id", which is what
// an answer names.
//
// {"id", "revision", "jurisdiction", "topic", "kind", "text", "options": [{"id", "text"}] (choice only),
//  "media": [{"key", "kind"}], "weight", "critical", "tags": [..]}
// Texts are in `language`, else English, else any language the text has.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstddef>
#include <span>
#include <string_view>

#include "catalog/domain/question.hpp"

namespace dt::catalog::api {

boost::json::object practice_question_to_json(const Question& question, std::string_view language);

// The questions of one page, each with its "position" in the whole list (first_position, first_position + 1..).
boost::json::array practice_questions_to_json(std::span<const Question* const> questions, std::size_t first_position,
                                              std::string_view language);

}  // namespace dt::catalog::api

#pragma once
// Question <-> the bank format's question object (services/catalog/data/FORMAT.md), plus "id" and "revision"
// when the store has assigned them.
//
// Reading is strict: a wrong type, a missing required member or an unknown member (a typo such as "explaination")
// throws dt::Problem::invalid_field naming the full path, e.g. "questions[12].options[1].text.vi".
// Required: external_id, jurisdiction, topic, kind, text; each option's text and correct; each media item's key
// and kind; numeric_answer's value and tolerance. Optional, with the domain's defaults: id, revision, options
// ([]), numeric_answer (none), explanation ({}), media ([]), weight (1), critical (false), pools ([]), tags ([]),
// shuffle_options (true), group (null), status ("draft": an import never publishes by omission).
// Numeric values and tolerances are exact decimals (decimal_json.hpp).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <vector>

#include "catalog/domain/question.hpp"

namespace dt::catalog::io {

boost::json::object question_to_json(const Question& question);

// Structure only (types, required and unknown members); the content rules are validate(question)'s.
Question read_question(const boost::json::value& value, const std::string& path);
// read_question, then validate(question): its first problem is thrown as invalid_field at path + its field
// (domain_problems.hpp), so an admin API answers every mistake the same way.
Question question_from_json(const boost::json::value& value, const std::string& path);

// [{"key": ..., "kind": "image"}]: also what the exam and result documents show.
boost::json::array media_to_json(const std::vector<MediaRef>& media);

}  // namespace dt::catalog::io

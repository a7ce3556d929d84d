#pragma once
// (internal) The store's jsonb columns <-> domain values, on top of catalog_io's codecs: the store keeps the
// bank format for question and blueprint content and the session format for exams, so exports and the API
// show exactly what is stored. Reading what the store itself wrote is lenient where the API is strict: content
// is read without re-running the domain validators (a draft may be incomplete).
#include <string>
#include <string_view>
#include <vector>

#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/drawn_question.hpp"
#include "catalog/domain/exam_session.hpp"
#include "catalog/domain/localized_text.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog::store::detail {

// The bank-format question without id and revision (those are columns).
std::string question_content(const Question& question);
Question question_from_content(std::string_view json, QuestionId id, int revision);

std::string blueprint_content(const Blueprint& blueprint);
Blueprint blueprint_from_content(std::string_view json);

std::string localized_content(const LocalizedText& text);
LocalizedText localized_from_content(std::string_view json);

// catalog_io's drawn_questions_to_json: [{"id", "revision", ...}], queryable in SQL (recently_seen).
std::string drawn_content(const std::vector<DrawnQuestion>& drawn);
std::vector<DrawnQuestion> drawn_from_content(std::string_view json);

std::string session_content(const ExamSession& session);
ExamSession session_from_content(std::string_view json);

// The "result" member of a stored session (catalog_io's result_record_to_json).
ExamResult result_from_content(std::string_view json);

}  // namespace dt::catalog::store::detail

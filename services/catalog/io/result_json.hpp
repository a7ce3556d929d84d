#pragma once
// The result document the candidate gets once an exam is graded: the verdict with its reasons in words, the
// breakdown by topic, and the review of every question with the right answer, the candidate's answer and the
// explanation. Questions are named by position (1-based), as in exam_json.hpp.
//
// {"finish": "submitted" | "expired", "finished_at", "passed", "score", "max_score", "answered",
//  "error_points", "total_weight",
//  "fail_reasons": [{"kind", "message", "actual", "limit", "weight", "positions": [..]}],
//  "topics": [{"topic", "correct", "total"}],
//  "review": [{"position", "question_id", "revision", "kind", "text",
//              "options": [{"id", "text", "correct", "selected"}] (display order, choice only),
//              "numeric_answer": {"value", "tolerance"} (numeric only), "answer": null | answer_json,
//              "outcome": "correct" | "incorrect" | "unanswered", "correct", "critical", "weight",
//              "explanation": text or null, "media"}]}
// Texts and messages are in `language` (messages: Vietnamese or English, fail_reason_text.hpp).
#include <boost/json/object.hpp>

#include <span>
#include <string_view>

#include "catalog/domain/exam_result.hpp"
#include "catalog/domain/exam_session.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog::io {

// `content`: the session's questions in exam order at the drawn revisions, and `result` the session's grading
// of them (std::invalid_argument otherwise).
boost::json::object result_to_json(const ExamResult& result, std::span<const Question> content,
                                   const ExamSession& session, std::string_view language);

}  // namespace dt::catalog::io

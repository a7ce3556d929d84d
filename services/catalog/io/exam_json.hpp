#pragma once
// The exam document the candidate's client gets while taking an exam. It never holds anything that gives an
// answer away: no correct flags, no numeric answer keys, no explanations, not even which questions are
// critical (result_json.hpp shows all of it once the exam is graded). Options come in display order (the
// drawn shuffle), each with its index in the question as "id": answers name options by that id.
//
// {"status": "in_progress" | "time_up" | "submitted" | "expired",
//  "started_at", "deadline": RFC 3339 UTC, "remaining_seconds": whole seconds left (rounded down),
//  "navigation": {"flag", "revisit"}, "question_count", "answered_count",
//  "questions": [{"position": 1.., "kind", "text", "options": [{"id", "text"}] (choice only),
//                 "media": [{"key", "kind"}], "weight", "flagged", "answer": null | answer_json}]}
// The exam's id (a database key) is the caller's to add. Texts are in `language`, else English, else any
// language the text has.
#include <boost/json/object.hpp>

#include <span>
#include <string_view>

#include "catalog/domain/date.hpp"
#include "catalog/domain/exam_session.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog::io {

// `content`: the session's questions in exam order at the drawn revisions (std::invalid_argument otherwise).
boost::json::object exam_to_json(const ExamSession& session, std::span<const Question> content,
                                 std::string_view language, TimePoint now);

}  // namespace dt::catalog::io

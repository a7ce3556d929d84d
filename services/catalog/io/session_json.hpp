#pragma once
// ExamSession <-> JSON for storing an exam (a JSONB column): every field, exactly, so that loading what was
// saved gives an equal session (instants to the nanosecond, decimals exactly).
//
// {"format": "exam-session/1", "questions": [drawn_question_json], "navigation": {"flag", "revisit"},
//  "started_at", "deadline", "answers": [null | {"answer": answer_json, "answered_at"}], "flags": [bool],
//  "finished_at": null | instant, "finish": null | "submitted" | "expired", "result": null | result_record_json}
//
// A stored session that does not read back is the server's fault, not the client's: session_from_json throws
// std::runtime_error (a 500) rather than dt::Problem (a 400), with the field path in the message.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string_view>

#include "catalog/domain/exam_session.hpp"

namespace dt::catalog::io {

inline constexpr std::string_view kSessionFormat = "exam-session/1";

boost::json::object session_to_json(const ExamSession& session);
ExamSession session_from_json(const boost::json::value& value);

}  // namespace dt::catalog::io

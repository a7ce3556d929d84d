#pragma once
// Why an exam failed, as a sentence for the candidate: in Vietnamese when `language` is "vi" (or "vi-..."),
// in English otherwise. Questions are named by their position in the exam (1-based), as the candidate saw them:
// "Answered the critical question 17 wrong" / "Trả lời sai câu điểm liệt số 17".
#include <string>
#include <string_view>

#include "catalog/domain/exam_result.hpp"

namespace dt::catalog::io {

// `result` supplies the positions and outcomes of the questions the reason names.
std::string fail_reason_message(const FailReason& reason, const ExamResult& result, std::string_view language);

}  // namespace dt::catalog::io

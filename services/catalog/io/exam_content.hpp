#pragma once
// The check every exam document makes before it shows questions: the content passed in is the session's
// questions, in exam order, at the revisions drawn. A mismatch is the caller's bug, not the candidate's.
#include <span>

#include "catalog/domain/exam_session.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog::io {

// Throws std::invalid_argument (a 500, never a 400) when `content` does not match `session.questions`.
void require_exam_content(const ExamSession& session, std::span<const Question> content);

}  // namespace dt::catalog::io

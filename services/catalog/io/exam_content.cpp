#include "catalog/io/exam_content.hpp"

#include <stdexcept>
#include <string>

namespace dt::catalog::io {

void require_exam_content(const ExamSession& session, std::span<const Question> content) {
  bool same = content.size() == session.questions.size() && session.answers.size() == session.questions.size() &&
              session.flags.size() == session.questions.size();
  for (std::size_t i = 0; same && i < content.size(); ++i) {
    const DrawnQuestion& drawn = session.questions[i];
    same = content[i].id == drawn.id && content[i].revision == drawn.revision &&
           (content[i].kind != QuestionKind::choice || content[i].options.size() == drawn.option_order.size());
  }
  if (!same) {
    throw std::invalid_argument("exam content does not match the session's " +
                                std::to_string(session.questions.size()) + " drawn questions and revisions");
  }
}

}  // namespace dt::catalog::io

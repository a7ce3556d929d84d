#pragma once
// Grading: an exam's questions (their content, in exam order) and the answers given -> ExamResult.
//
// - A choice question is correct only when the chosen set equals the correct set exactly (all or nothing: two
//   of three correct options is wrong). A numeric one when |answer - value| <= tolerance, in exact decimals.
// - Unanswered counts as wrong everywhere: no score, its weight in error points, a failed critical question.
// - The score is the number of correct answers, never rounded to all-or-nothing: 26 of 30 scores 26.
// - Every applicable fail reason is reported, not only the first, so the candidate sees all of them.
#include <optional>
#include <span>

#include "catalog/domain/answer.hpp"
#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/exam_result.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog {

bool is_correct(const Question& question, const Answer& answer);
Outcome outcome_of(const Question& question, const std::optional<Answer>& answer);

// answers[i] answers questions[i]; missing trailing entries are unanswered. Throws std::invalid_argument when
// there are more answers than questions.
ExamResult grade(const Blueprint& blueprint, std::span<const Question> questions,
                 std::span<const std::optional<Answer>> answers);

}  // namespace dt::catalog

#pragma once
// validate(const Question&): every problem with a question's content, for the admin API (400 with the list) and
// the import report. id and revision are the store's business and are not checked. An empty list means valid.
#include "catalog/domain/localized_text.hpp"
#include "catalog/domain/question.hpp"
#include "catalog/domain/validation_problem.hpp"

namespace dt::catalog {

ValidationProblems validate(const Question& question);

// Shared with blueprint validation: a localized text must use valid language codes and, when `required`, hold
// at least one language; each present translation must be non-blank.
void check_localized(const LocalizedText& text, const std::string& field, bool required, ValidationProblems& problems);

}  // namespace dt::catalog

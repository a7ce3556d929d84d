#pragma once
// The domain validators' problems (validate(question), validate(blueprint)) reported the way the API reports
// structural mistakes: as dt::Problem::invalid_field, the field path prefixed with the object's own path
// ("questions[3]" + "options[1].text.vi").
#include <string>

#include "catalog/domain/validation_problem.hpp"

namespace dt::catalog::io {

// Nothing when `problems` is empty. Otherwise throws invalid_field naming the first problem's full path; the
// detail also lists the others (up to ten) so that an admin can fix a question in one go.
void throw_if_invalid(const ValidationProblems& problems, const std::string& path);

}  // namespace dt::catalog::io

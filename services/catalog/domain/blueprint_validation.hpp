#pragma once
// validate(const Blueprint&): every problem with one blueprint on its own (its sums, marks and dates). Whether
// the bank can feed it is the bank report's question (bank_validation.hpp); overlapping versions are checked
// across blueprints by check_versions (blueprint_selection.hpp).
#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/validation_problem.hpp"

namespace dt::catalog {

ValidationProblems validate(const Blueprint& blueprint);

}  // namespace dt::catalog

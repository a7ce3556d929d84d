#pragma once
// Which blueprint applies to an exam taken on a given day. Several rule versions coexist in the catalogue (the
// Vietnamese 2020 and 2025 rules); an exam uses the one in force on its day.
#include <span>

#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/validation_problem.hpp"

namespace dt::catalog {

// The blueprint of that jurisdiction and class in force on `date`, or nullptr when none is. When several are
// (a corrected version of the same code published over the same dates), the latest valid_from wins, then the
// highest version, then the smallest code, so the choice never depends on the order of `blueprints`.
const Blueprint* select_blueprint(std::span<const Blueprint> blueprints, const JurisdictionCode& jurisdiction,
                                  const LicenceClassCode& licence_class, Date date);

// Overlaps that select_blueprint would settle silently but an admin should see: two different codes for the
// same jurisdiction and class in force on a common day, or the same code and version listed twice.
// Fields are "blueprints[i]" (index into `blueprints`).
ValidationProblems check_versions(std::span<const Blueprint> blueprints);

}  // namespace dt::catalog

#include "catalog/domain/blueprint_selection.hpp"

#include <string>
#include <tuple>

namespace dt::catalog {

namespace {

bool overlap(const Blueprint& a, const Blueprint& b) {
  const bool a_before_b_ends = !b.valid_to || a.valid_from < *b.valid_to;
  const bool b_before_a_ends = !a.valid_to || b.valid_from < *a.valid_to;
  return a_before_b_ends && b_before_a_ends;
}

}  // namespace

const Blueprint* select_blueprint(std::span<const Blueprint> blueprints, const JurisdictionCode& jurisdiction,
                                  const LicenceClassCode& licence_class, Date date) {
  const Blueprint* best = nullptr;
  for (const Blueprint& candidate : blueprints) {
    if (candidate.jurisdiction != jurisdiction || candidate.licence_class != licence_class) continue;
    if (!candidate.in_force_on(date)) continue;
    if (best == nullptr) {
      best = &candidate;
      continue;
    }
    // Later start wins, then higher version, then the smaller code (the last only to be order-independent).
    const auto key = [](const Blueprint& b) { return std::tie(b.valid_from, b.version); };
    if (key(candidate) > key(*best) || (key(candidate) == key(*best) && candidate.code < best->code)) {
      best = &candidate;
    }
  }
  return best;
}

ValidationProblems check_versions(std::span<const Blueprint> blueprints) {
  ValidationProblems problems;
  for (std::size_t i = 0; i < blueprints.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const Blueprint& a = blueprints[j];
      const Blueprint& b = blueprints[i];
      const std::string field = "blueprints[" + std::to_string(i) + "]";
      if (a.code == b.code && a.version == b.version) {
        problems.push_back({field, "'" + b.code + "' version " + std::to_string(b.version) + " is listed twice"});
      } else if (a.code != b.code && a.jurisdiction == b.jurisdiction && a.licence_class == b.licence_class &&
                 overlap(a, b)) {
        problems.push_back({field, "'" + b.code + "' and '" + a.code + "' are both in force for class " +
                                       b.licence_class.value() + " on some days"});
      }
    }
  }
  return problems;
}

}  // namespace dt::catalog

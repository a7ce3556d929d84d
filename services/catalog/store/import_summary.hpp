#pragma once
// ImportSummary: what import_bank changed, per section of the bank document. Importing the same document again
// reports everything unchanged and leaves bank_version alone.
#include <cstdint>

namespace dt::catalog::store {

struct SectionSummary {
  int created = 0;
  int revised = 0;  // content changed (questions: a new revision), or a deleted row restored
  int unchanged = 0;

  bool changed() const { return created + revised > 0; }
  friend bool operator==(const SectionSummary&, const SectionSummary&) = default;
};

struct ImportSummary {
  SectionSummary jurisdictions;
  SectionSummary topics;
  SectionSummary licence_classes;
  SectionSummary questions;
  SectionSummary blueprints;
  std::int64_t bank_version = 0;  // after the import

  bool changed() const {
    return jurisdictions.changed() || topics.changed() || licence_classes.changed() || questions.changed() ||
           blueprints.changed();
  }
  friend bool operator==(const ImportSummary&, const ImportSummary&) = default;
};

}  // namespace dt::catalog::store

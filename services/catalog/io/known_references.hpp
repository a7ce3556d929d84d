#pragma once
// KnownReferences: the reference codes an import may use without declaring them, because the catalogue already
// has them (the store fills it). Topics and licence classes are keyed by their jurisdiction too: class "B"
// exists in Vietnam and in Germany, and a Vietnamese question must not land in a German topic.
#include <set>
#include <utility>

#include "catalog/domain/code.hpp"

namespace dt::catalog::io {

struct KnownReferences {
  std::set<JurisdictionCode> jurisdictions;
  std::set<std::pair<JurisdictionCode, TopicCode>> topics;
  std::set<std::pair<JurisdictionCode, LicenceClassCode>> licence_classes;
};

}  // namespace dt::catalog::io

#pragma once
// The reference entities a bank document declares before its questions: jurisdictions, topics (chapters) and
// licence classes. Questions and blueprints refer to them by code.
#include "catalog/domain/code.hpp"
#include "catalog/domain/localized_text.hpp"

namespace dt::catalog {

struct Jurisdiction {
  JurisdictionCode code;
  LocalizedText name;
};

struct Topic {
  TopicCode code;
  JurisdictionCode jurisdiction;
  int ordinal = 0;  // display order within the jurisdiction (chapter number)
  LocalizedText name;
};

struct LicenceClass {
  LicenceClassCode code;
  JurisdictionCode jurisdiction;
  LocalizedText name;
};

}  // namespace dt::catalog

#include "catalog/io/bank_cross_check.hpp"

#include <map>
#include <span>

#include "catalog/domain/blueprint_selection.hpp"
#include "catalog/io/json_fields.hpp"

namespace dt::catalog::io {

namespace {

template <class T>
std::string where(const Row<T>& row, const std::string& section) {
  return row.line != 0 ? "line " + std::to_string(row.line) : index_path(section, row.index);
}

class Checker {
 public:
  Checker(const KnownReferences& available, ImportReport& report) : available_(available), report_(report) {}

  // Rejects rows whose key an earlier row of the section already has.
  template <class T, class KeyOf, class Describe>
  void duplicates(const std::vector<Row<T>>& rows, const std::string& section, const std::string& field, KeyOf key_of,
                  Describe describe) {
    std::map<decltype(key_of(rows.front().value)), const Row<T>*> first;
    for (const Row<T>& row : rows) {
      const auto [it, inserted] = first.emplace(key_of(row.value), &row);
      if (!inserted) {
        reject(row, section, field, describe(row.value) + " is already given by " + where(*it->second, section));
      }
    }
  }

  template <class T>
  void jurisdiction(const Row<T>& row, const std::string& section, const JurisdictionCode& code) {
    if (!available_.jurisdictions.contains(code)) {
      reject(row, section, "jurisdiction",
             "jurisdiction '" + code.value() + "' is neither in this import nor in the catalogue");
    }
  }

  template <class T>
  void topic(const Row<T>& row, const std::string& section, const std::string& field, const JurisdictionCode& j,
             const TopicCode& t) {
    if (available_.jurisdictions.contains(j) && !available_.topics.contains({j, t})) {
      reject(row, section, field,
             "topic '" + t.value() + "' of jurisdiction '" + j.value() +
                 "' is neither in this import nor in the catalogue");
    }
  }

  template <class T>
  void licence_class(const Row<T>& row, const std::string& section, const JurisdictionCode& j,
                     const LicenceClassCode& c) {
    if (available_.jurisdictions.contains(j) && !available_.licence_classes.contains({j, c})) {
      reject(row, section, "licence_class",
             "licence class '" + c.value() + "' of jurisdiction '" + j.value() +
                 "' is neither in this import nor in the catalogue");
    }
  }

  template <class T>
  void reject(const Row<T>& row, const std::string& section, const std::string& field, std::string message) {
    report_.reject({section, row.index, key_of(row.value), field_path(row.path, field), std::move(message), row.line});
  }

 private:
  static std::string key_of(const Question& q) { return q.external_id; }
  static std::string key_of(const Blueprint& b) { return b.code; }
  template <class T>
  static std::string key_of(const T& reference) {
    return reference.code.value();
  }

  const KnownReferences& available_;
  ImportReport& report_;
};

bool same_version_before(const std::vector<Row<Blueprint>>& rows, std::size_t i) {
  for (std::size_t j = 0; j < i; ++j) {
    if (rows[j].value.code == rows[i].value.code && rows[j].value.version == rows[i].value.version) return true;
  }
  return false;
}

void check_blueprints(const std::vector<Row<Blueprint>>& rows, Checker& check) {
  const std::string section = "blueprints";
  std::vector<Blueprint> blueprints;
  blueprints.reserve(rows.size());
  for (const Row<Blueprint>& row : rows) {
    const Blueprint& b = row.value;
    check.jurisdiction(row, section, b.jurisdiction);
    check.licence_class(row, section, b.jurisdiction, b.licence_class);
    for (std::size_t q = 0; q < b.quotas.size(); ++q) {
      for (std::size_t t = 0; t < b.quotas[q].topics.size(); ++t) {
        check.topic(row, section, "quotas[" + std::to_string(q) + "].topics[" + std::to_string(t) + "]", b.jurisdiction,
                    b.quotas[q].topics[t]);
      }
    }
    blueprints.push_back(b);
  }
  // Code and version given twice, or two codes in force for one class on the same day. check_versions names
  // "blueprints[i]" by position in the list it is given, which is the position in `rows`.
  for (const ValidationProblem& problem : check_versions(blueprints)) {
    const auto open = problem.field.find('[');
    if (open == std::string::npos) continue;
    const std::size_t i = std::stoul(problem.field.substr(open + 1));
    if (i >= rows.size()) continue;
    check.reject(rows[i], section, same_version_before(rows, i) ? "version" : "valid_from", problem.message);
  }
}

}  // namespace

void cross_check(const BankRows& rows, const KnownReferences& available, ImportReport& report) {
  Checker check(available, report);
  check.duplicates(
      rows.jurisdictions, "jurisdictions", "code", [](const Jurisdiction& j) { return j.code; },
      [](const Jurisdiction& j) { return "jurisdiction '" + j.code.value() + "'"; });
  check.duplicates(
      rows.topics, "topics", "code", [](const Topic& t) { return std::pair(t.jurisdiction, t.code); },
      [](const Topic& t) { return "topic '" + t.code.value() + "'"; });
  for (const auto& row : rows.topics) check.jurisdiction(row, "topics", row.value.jurisdiction);
  check.duplicates(
      rows.licence_classes, "licence_classes", "code",
      [](const LicenceClass& c) { return std::pair(c.jurisdiction, c.code); },
      [](const LicenceClass& c) { return "licence class '" + c.code.value() + "'"; });
  for (const auto& row : rows.licence_classes) check.jurisdiction(row, "licence_classes", row.value.jurisdiction);
  check.duplicates(
      rows.questions, "questions", "external_id", [](const Question& q) { return q.external_id; },
      [](const Question& q) { return "external_id '" + q.external_id + "'"; });
  for (const auto& row : rows.questions) {
    check.jurisdiction(row, "questions", row.value.jurisdiction);
    check.topic(row, "questions", "topic", row.value.jurisdiction, row.value.topic);
  }
  check_blueprints(rows.blueprints, check);
}

BankDocument accepted_rows(BankRows rows, const ImportReport& report) {
  BankDocument document;
  const auto keep = [&](auto& from, auto& to, const std::string& section) {
    for (auto& row : from) {
      if (!report.rejected(section, row.index)) to.push_back(std::move(row.value));
    }
  };
  keep(rows.jurisdictions, document.jurisdictions, "jurisdictions");
  keep(rows.topics, document.topics, "topics");
  keep(rows.licence_classes, document.licence_classes, "licence_classes");
  keep(rows.questions, document.questions, "questions");
  keep(rows.blueprints, document.blueprints, "blueprints");
  return document;
}

}  // namespace dt::catalog::io

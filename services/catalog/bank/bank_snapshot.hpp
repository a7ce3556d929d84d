#pragma once
// BankSnapshot: the published bank and every blueprint, in memory, as of one bank_version. Exams are drawn
// from it (with a prepared ExamDraw per blueprint), so starting an exam reads no question from PostgreSQL.
// Immutable once built; shared between threads through shared_ptr<const BankSnapshot>.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/code.hpp"
#include "catalog/domain/date.hpp"
#include "catalog/domain/exam_draw.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog::bank {

struct JurisdictionBank {
  std::vector<Question> questions;  // published current revisions, by id
  std::unordered_map<QuestionId, std::size_t> by_id;
  std::vector<Blueprint> blueprints;
  // Keyed by "<code>@<version>"; a blueprint its bank cannot satisfy has none (drawing it reports why).
  std::map<std::string, std::shared_ptr<const ExamDraw>> draws;
  std::map<std::string, std::string> draw_errors;
};

class BankSnapshot {
 public:
  BankSnapshot(std::int64_t version, std::vector<Question> questions, std::vector<Blueprint> blueprints);

  std::int64_t version() const { return version_; }
  const JurisdictionBank* jurisdiction(const JurisdictionCode& code) const;
  // The published question at exactly this revision, or nullptr (an older revision lives only in the store).
  const Question* question(const JurisdictionCode& jurisdiction, QuestionId id, int revision) const;
  const Question* question(QuestionId id) const;
  // The blueprint in force on `day` for the class, or nullptr.
  const Blueprint* blueprint_for(const JurisdictionCode& jurisdiction, const LicenceClassCode& licence_class,
                                 Date day) const;
  const Blueprint* blueprint(const std::string& code, int version) const;
  // Throws DrawError when the bank cannot satisfy the blueprint.
  const ExamDraw& draw_for(const Blueprint& blueprint) const;

  const std::vector<Question>& all_questions() const { return all_; }
  const std::vector<Blueprint>& all_blueprints() const { return blueprints_; }

  static std::string draw_key(const Blueprint& blueprint);

 private:
  std::int64_t version_;
  std::vector<Question> all_;
  std::vector<Blueprint> blueprints_;
  std::map<std::string, JurisdictionBank> jurisdictions_;
  std::unordered_map<QuestionId, std::pair<std::string, std::size_t>> where_;
};

}  // namespace dt::catalog::bank

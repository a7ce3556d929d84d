#include "catalog/bank/bank_snapshot.hpp"

#include "catalog/domain/blueprint_selection.hpp"
#include "catalog/domain/draw_error.hpp"

namespace dt::catalog::bank {

std::string BankSnapshot::draw_key(const Blueprint& blueprint) {
  return blueprint.code + "@" + std::to_string(blueprint.version);
}

BankSnapshot::BankSnapshot(std::int64_t version, std::vector<Question> questions, std::vector<Blueprint> blueprints)
    : version_(version), all_(std::move(questions)), blueprints_(std::move(blueprints)) {
  for (const auto& q : all_) {
    auto& bank = jurisdictions_[q.jurisdiction.value()];
    bank.by_id.emplace(q.id, bank.questions.size());
    where_.emplace(q.id, std::make_pair(q.jurisdiction.value(), bank.questions.size()));
    bank.questions.push_back(q);
  }
  for (const auto& b : blueprints_) jurisdictions_[b.jurisdiction.value()].blueprints.push_back(b);
  for (auto& [code, bank] : jurisdictions_) {
    for (const auto& b : bank.blueprints) {
      try {
        bank.draws.emplace(draw_key(b), std::make_shared<const ExamDraw>(b, bank.questions));
      } catch (const DrawError& e) {
        bank.draw_errors.emplace(draw_key(b), e.what());
      }
    }
  }
}

const JurisdictionBank* BankSnapshot::jurisdiction(const JurisdictionCode& code) const {
  auto it = jurisdictions_.find(code.value());
  return it == jurisdictions_.end() ? nullptr : &it->second;
}

const Question* BankSnapshot::question(QuestionId id) const {
  auto it = where_.find(id);
  if (it == where_.end()) return nullptr;
  return &jurisdictions_.at(it->second.first).questions[it->second.second];
}

const Question* BankSnapshot::question(const JurisdictionCode& jurisdiction, QuestionId id, int revision) const {
  const auto* bank = this->jurisdiction(jurisdiction);
  if (!bank) return nullptr;
  auto it = bank->by_id.find(id);
  if (it == bank->by_id.end()) return nullptr;
  const Question& q = bank->questions[it->second];
  return q.revision == revision ? &q : nullptr;
}

const Blueprint* BankSnapshot::blueprint_for(const JurisdictionCode& jurisdiction,
                                             const LicenceClassCode& licence_class, Date day) const {
  const auto* bank = this->jurisdiction(jurisdiction);
  if (!bank) return nullptr;
  return select_blueprint(bank->blueprints, jurisdiction, licence_class, day);
}

const Blueprint* BankSnapshot::blueprint(const std::string& code, int version) const {
  for (const auto& b : blueprints_) {
    if (b.code == code && b.version == version) return &b;
  }
  return nullptr;
}

const ExamDraw& BankSnapshot::draw_for(const Blueprint& blueprint) const {
  const auto* bank = jurisdiction(blueprint.jurisdiction);
  const auto key = draw_key(blueprint);
  if (bank) {
    if (auto it = bank->draws.find(key); it != bank->draws.end()) return *it->second;
    if (auto it = bank->draw_errors.find(key); it != bank->draw_errors.end()) {
      throw DrawError(DrawError::Reason::quota_unsatisfiable, -1, 0, 0, it->second);
    }
  }
  throw DrawError(DrawError::Reason::quota_unsatisfiable, -1, 0, 0,
                  "blueprint " + key + " has no published questions to draw from");
}

}  // namespace dt::catalog::bank

#pragma once
// DrawPool: what a blueprint can draw from a bank, prepared once: the published, gradable questions of its
// jurisdiction and pool (the newest revision of each), split into the critical pool and one pool per quota, each
// made of units (a single question, or all the drawable questions of a group). Units are ordered by their
// smallest question id and members by id, so the draw depends on the bank's content, never on the order the
// store returned it in.
//
// A group is drawn whole: all its members must fall in the same quota (or all be critical). A group that mixes
// quotas, or critical and non-critical questions, is never drawn and is listed in group_problems() for the
// bank report. Questions of topics in no quota are simply not examined by this blueprint.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog {

// The few facts of a question the draw needs, copied so a prepared pool does not keep the bank alive.
struct DrawCandidate {
  QuestionId id = 0;
  int revision = 0;
  QuestionKind kind = QuestionKind::choice;
  bool critical = false;
  bool shuffle_options = false;
  int option_count = 0;
};

struct DrawUnit {
  std::uint32_t first = 0;  // into DrawPool::candidates()
  std::uint32_t size = 0;
};

struct UnitPool {
  int needed = 0;
  std::vector<DrawUnit> units;
  int available = 0;         // questions in all units
  bool satisfiable = false;  // some units add up to exactly `needed`
};

struct GroupProblem {
  std::string group;
  std::vector<QuestionId> questions;
  std::string message;
};

class DrawPool {
 public:
  DrawPool(const Blueprint& blueprint, std::span<const Question> bank);

  const UnitPool& critical() const { return critical_; }
  const std::vector<UnitPool>& quotas() const { return quotas_; }
  // Candidates grouped by unit: unit u's questions are candidates()[u.first, u.first + u.size).
  const std::vector<DrawCandidate>& candidates() const { return candidates_; }
  std::span<const DrawCandidate> members(const DrawUnit& unit) const {
    return std::span<const DrawCandidate>(candidates_).subspan(unit.first, unit.size);
  }
  const std::vector<GroupProblem>& group_problems() const { return group_problems_; }

 private:
  UnitPool critical_;
  std::vector<UnitPool> quotas_;
  std::vector<DrawCandidate> candidates_;
  std::vector<GroupProblem> group_problems_;
};

}  // namespace dt::catalog

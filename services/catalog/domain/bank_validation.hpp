#pragma once
// BankValidation: the admin's bank report. Which questions are invalid (no correct option, too few or too many
// options, ...), and for each blueprint whether the published bank can feed it: per quota and for the critical
// rule, how many questions are needed and available (groups counted with their size and drawn whole), and
// whether some units add up to exactly the count. It answers before any candidate meets a DrawError.
//
// Severity of a pool: error when it cannot be satisfied; warning when fewer than kVarietyFactor times the
// needed questions are available (exams would repeat themselves); ok otherwise.
#include <span>
#include <string>
#include <vector>

#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/draw_pool.hpp"
#include "catalog/domain/question.hpp"
#include "catalog/domain/validation_problem.hpp"

namespace dt::catalog {

inline constexpr int kVarietyFactor = 3;

enum class Severity { ok, warning, error };
std::string_view to_string(Severity severity);

struct QuestionReport {
  QuestionId id = 0;
  std::string external_id;
  QuestionStatus status = QuestionStatus::draft;
  ValidationProblems problems;
};

struct PoolReport {
  std::string field;              // "quotas[2]" or "critical"
  std::vector<TopicCode> topics;  // the quota's; empty for the critical pool
  int needed = 0;
  int available = 0;
  bool satisfiable = false;
  Severity severity = Severity::ok;
};

struct BlueprintReport {
  std::string code;
  int version = 0;
  ValidationProblems problems;  // validate(blueprint)
  std::vector<PoolReport> quotas;
  PoolReport critical;
  std::vector<GroupProblem> groups;  // groups this blueprint can never draw
  bool drawable = false;             // valid, and every pool satisfiable
};

struct BankReport {
  std::vector<QuestionReport> invalid_questions;  // drafts and published ones; retired questions are skipped
  std::vector<BlueprintReport> blueprints;        // in input order
  ValidationProblems version_problems;            // check_versions(blueprints)

  // No error anywhere (warnings allowed).
  bool ok() const;
};

BankReport validate_bank(std::span<const Question> questions, std::span<const Blueprint> blueprints);

}  // namespace dt::catalog

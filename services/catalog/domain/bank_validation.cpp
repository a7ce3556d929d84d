#include "catalog/domain/bank_validation.hpp"

#include <algorithm>

#include "catalog/domain/blueprint_selection.hpp"
#include "catalog/domain/blueprint_validation.hpp"
#include "catalog/domain/question_validation.hpp"

namespace dt::catalog {

namespace {

PoolReport pool_report(std::string field, std::vector<TopicCode> topics, const UnitPool& pool) {
  PoolReport report{std::move(field), std::move(topics), pool.needed, pool.available, pool.satisfiable, Severity::ok};
  if (!pool.satisfiable) {
    report.severity = Severity::error;
  } else if (pool.needed > 0 && pool.available < kVarietyFactor * pool.needed) {
    report.severity = Severity::warning;
  }
  return report;
}

BlueprintReport blueprint_report(const Blueprint& blueprint, std::span<const Question> questions) {
  BlueprintReport report;
  report.code = blueprint.code;
  report.version = blueprint.version;
  report.problems = validate(blueprint);
  const DrawPool pool(blueprint, questions);
  for (std::size_t i = 0; i < pool.quotas().size(); ++i) {
    report.quotas.push_back(
        pool_report("quotas[" + std::to_string(i) + "]", blueprint.quotas[i].topics, pool.quotas()[i]));
  }
  report.critical = pool_report("critical", {}, pool.critical());
  report.groups = pool.group_problems();
  report.drawable = report.problems.empty() && report.critical.satisfiable &&
                    std::all_of(report.quotas.begin(), report.quotas.end(),
                                [](const PoolReport& quota) { return quota.satisfiable; });
  return report;
}

}  // namespace

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::ok:
      return "ok";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "ok";
}

bool BankReport::ok() const {
  return invalid_questions.empty() && version_problems.empty() &&
         std::all_of(blueprints.begin(), blueprints.end(),
                     [](const BlueprintReport& b) { return b.drawable && b.groups.empty(); });
}

BankReport validate_bank(std::span<const Question> questions, std::span<const Blueprint> blueprints) {
  BankReport report;
  for (const Question& question : questions) {
    if (question.status == QuestionStatus::retired) continue;
    ValidationProblems problems = validate(question);
    if (!problems.empty()) {
      report.invalid_questions.push_back({question.id, question.external_id, question.status, std::move(problems)});
    }
  }
  for (const Blueprint& blueprint : blueprints) report.blueprints.push_back(blueprint_report(blueprint, questions));
  report.version_problems = check_versions(blueprints);
  return report;
}

}  // namespace dt::catalog

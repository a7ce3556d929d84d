// What can be checked in the browser before a blueprint goes to the Catalog (which checks again, with the
// topics and classes it knows): the arithmetic and the dates. Each problem names its field, like the server's.
import type { Blueprint } from "../api/types";

export interface BlueprintProblem {
  field: string;
  key: "count" | "passMark" | "time" | "dates" | "quotaCount" | "quotaTopics" | "errorPoints" | "critical";
  values?: Record<string, number>;
}

export function blueprintProblems(b: Blueprint): BlueprintProblem[] {
  const problems: BlueprintProblem[] = [];
  const drawn = b.quotas.reduce((sum, q) => sum + q.count, 0) + b.critical.count;
  if (drawn !== b.question_count) {
    problems.push({ field: "question_count", key: "count", values: { drawn, count: b.question_count } });
  }
  b.quotas.forEach((q, i) => {
    if (!(q.count >= 1)) problems.push({ field: `quotas[${i}].count`, key: "quotaCount" });
    if (!q.topics.length) problems.push({ field: `quotas[${i}].topics`, key: "quotaTopics" });
  });
  if (b.critical.count < 0) problems.push({ field: "critical.count", key: "critical" });
  if (b.scoring.policy === "count_correct" && !(b.scoring.pass_mark >= 1 && b.scoring.pass_mark <= b.question_count)) {
    problems.push({ field: "scoring.pass_mark", key: "passMark", values: { count: b.question_count } });
  }
  if (b.scoring.policy === "error_points" && !(b.scoring.max_error_points >= 0)) {
    problems.push({ field: "scoring.max_error_points", key: "errorPoints" });
  }
  if (!(b.time_limit_seconds >= 60)) problems.push({ field: "time_limit_seconds", key: "time" });
  if (b.valid_to && b.valid_to <= b.valid_from) problems.push({ field: "valid_to", key: "dates" });
  return problems;
}

/** The blueprint as the admin routes take it: without what only listings add. */
export function toSavableBlueprint(b: Blueprint): Blueprint {
  const { in_force: _inForce, problems: _problems, ...rest } = b;
  return { ...rest, valid_to: rest.valid_to || null, pool: rest.pool || null };
}

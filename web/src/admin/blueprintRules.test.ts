import { describe, expect, it } from "vitest";
import type { Blueprint } from "../api/types";
import { blueprintProblems, toSavableBlueprint } from "./blueprintRules";

const vnB: Blueprint = {
  code: "vn-2025-B",
  jurisdiction: "vn",
  licence_class: "B",
  version: 1,
  valid_from: "2025-06-01",
  valid_to: null,
  question_count: 30,
  time_limit_seconds: 1200,
  pool: null,
  quotas: [
    { topics: ["vn.1"], count: 8 },
    { topics: ["vn.2"], count: 1 },
    { topics: ["vn.3"], count: 1 },
    { topics: ["vn.4"], count: 1 },
    { topics: ["vn.5"], count: 9 },
    { topics: ["vn.6"], count: 9 },
  ],
  critical: { count: 1, fail_on_wrong: true },
  scoring: { policy: "count_correct", pass_mark: 27 },
  navigation: { flag: true, revisit: true },
  in_force: true,
  problems: [],
};

describe("blueprintProblems", () => {
  it("accepts the Vietnamese class B exam", () => {
    expect(blueprintProblems(vnB)).toEqual([]);
  });

  it("names the count when quotas and critical questions do not add up", () => {
    const problems = blueprintProblems({ ...vnB, question_count: 31 });
    expect(problems).toEqual([{ field: "question_count", key: "count", values: { drawn: 30, count: 31 } }]);
  });

  it("checks the pass mark, the time, the dates and each quota", () => {
    const fields = blueprintProblems({
      ...vnB,
      quotas: [...vnB.quotas.slice(0, 5), { topics: [], count: 9 }],
      scoring: { policy: "count_correct", pass_mark: 40 },
      time_limit_seconds: 0,
      valid_to: "2025-01-01",
    }).map((p) => p.field);
    expect(fields).toEqual(["quotas[5].topics", "scoring.pass_mark", "time_limit_seconds", "valid_to"]);
  });

  it("saves without the listing's members", () => {
    const body = toSavableBlueprint({ ...vnB, pool: "" });
    expect(body).not.toHaveProperty("in_force");
    expect(body).not.toHaveProperty("problems");
    expect(body.pool).toBeNull();
  });
});

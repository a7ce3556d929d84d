import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Exam, ExamResult, ReviewItem } from "../api/types";
import { renderAt, stubFetch } from "../test/render";
import { ResultPage } from "./ResultPage";

afterEach(() => vi.unstubAllGlobals());

const item = (position: number, correct: boolean, critical = false): ReviewItem => ({
  position,
  question_id: position,
  revision: 1,
  kind: "choice",
  text: `Question text ${position}`,
  options: [
    { id: 0, text: "Right one", correct: true, selected: correct },
    { id: 1, text: "Wrong one", correct: false, selected: !correct },
  ],
  answer: { selected: [correct ? 0 : 1] },
  outcome: correct ? "correct" : "incorrect",
  correct,
  critical,
  weight: 1,
  explanation: `Because ${position}`,
  media: [{ key: "signs/vn/p-102.png", kind: "image" }],
});

const result: ExamResult = {
  finish: "submitted",
  finished_at: "2026-01-01T00:10:00Z",
  passed: false,
  score: 2,
  max_score: 3,
  answered: 3,
  error_points: 1,
  total_weight: 3,
  fail_reasons: [
    {
      kind: "critical_question_wrong",
      message: "Critical question 3 was answered wrongly",
      actual: 1,
      limit: 0,
      weight: 0,
      positions: [3],
    },
  ],
  topics: [{ topic: "vn.1", correct: 2, total: 3 }],
  review: [item(1, true), item(2, true), item(3, false, true)],
};

const doc = {
  id: "e1",
  jurisdiction: "vn",
  licence_class: "B",
  blueprint: { code: "vn-2025-B", version: 1 },
  status: "submitted",
  result,
} as unknown as Exam;

describe("ResultPage", () => {
  it("says failed because of the critical question, with topics and the review", async () => {
    stubFetch((call) => {
      if (call.path.startsWith("/api/catalog/exams/e1")) return { body: doc };
      if (call.path.startsWith("/api/catalog/jurisdictions/vn/topics"))
        return {
          body: {
            items: [
              { code: "vn.1", jurisdiction: "vn", ordinal: 1, name: { en: "General rules", vi: "Quy định chung" } },
            ],
          },
        };
      if (call.path.startsWith("/api/catalog/blueprints"))
        return {
          body: { items: [{ code: "vn-2025-B", version: 1, scoring: { policy: "count_correct", pass_mark: 3 } }] },
        };
      return undefined;
    });
    renderAt("/exam/e1/result", [{ path: "/exam/:id/result", element: <ResultPage /> }]);
    expect(await screen.findByRole("heading", { name: /Failed/ })).toBeTruthy();
    expect(screen.getByText("2 / 3")).toBeTruthy();
    expect(screen.getByText("MISSED (question 3) – this alone fails the exam")).toBeTruthy();
    expect(screen.getByText("Critical question answered wrongly")).toBeTruthy();
    expect(screen.getByRole("link", { name: "3" }).getAttribute("href")).toBe("#review-3");
    expect(screen.queryByText("Error points")).toBeNull(); // counted answers, not error points
    expect(screen.getByRole("list", { name: "By topic" }).textContent).toContain("General rules");
    expect(screen.getByText("67 % (2 / 3)")).toBeTruthy();
    expect(screen.getAllByRole("img", { name: /Picture for question/ })).toHaveLength(3);
    expect(screen.getByText("Because 3")).toBeTruthy();

    fireEvent.click(screen.getByLabelText("Only questions I got wrong"));
    expect(screen.queryByText("Question text 1")).toBeNull();
    expect(screen.getByText("Question text 3")).toBeTruthy();
  });
});

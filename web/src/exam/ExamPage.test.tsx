import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Exam, ExamResult } from "../api/types";
import { renderAt, stubFetch, type Call } from "../test/render";
import { CURRENT_EXAM_KEY } from "./examStorage";
import { ExamPage } from "./ExamPage";

afterEach(() => vi.unstubAllGlobals());

function exam(remaining: number, overrides: Partial<Exam> = {}): Exam {
  return {
    id: "e1",
    status: "in_progress",
    jurisdiction: "vn",
    licence_class: "B",
    blueprint: { code: "vn-2025-B", version: 1 },
    started_at: "2026-01-01T00:00:00Z",
    deadline: "2026-01-01T00:20:00Z",
    remaining_seconds: remaining,
    navigation: { flag: true, revisit: true },
    question_count: 3,
    answered_count: 0,
    questions: [1, 2, 3].map((position) => ({
      position,
      kind: "choice" as const,
      text: `Question text ${position}`,
      options: [
        { id: 1, text: `Option B${position}` },
        { id: 0, text: `Option A${position}` },
      ],
      media: [],
      weight: 1,
      flagged: false,
      answer: null,
    })),
    ...overrides,
  };
}

const result: ExamResult = {
  finish: "submitted",
  finished_at: "2026-01-01T00:10:00Z",
  passed: false,
  score: 0,
  max_score: 3,
  answered: 1,
  error_points: 0,
  total_weight: 3,
  fail_reasons: [],
  topics: [],
  review: [],
};

function examServer(doc: Exam) {
  return stubFetch((call: Call) => {
    if (call.method === "GET" && call.path.startsWith("/api/catalog/exams/e1")) return { body: doc };
    if (call.method === "PUT" && call.path.includes("/answers/"))
      return { body: { position: 1, answer: call.body, remaining_seconds: 100 } };
    if (call.method === "PUT" && call.path.includes("/flags/")) return { body: call.body };
    if (call.method === "POST" && call.path.startsWith("/api/catalog/exams/e1/submit")) return { body: result };
    return undefined;
  });
}

const routes = [
  { path: "/exam/:id", element: <ExamPage /> },
  { path: "/exam/:id/result", element: <p>result page</p> },
];

describe("ExamPage", () => {
  it("shows the question, the countdown and a grid; records answers and flags", async () => {
    const calls = examServer(exam(1200));
    renderAt("/exam/e1", routes);
    expect(await screen.findByRole("heading", { name: "Question 1 of 3" })).toBeTruthy();
    expect(screen.getByRole("timer").textContent).toMatch(/^(20:00|19:59)$/);
    const grid = screen.getByRole("navigation", { name: "Questions" });
    expect(within(grid).getAllByRole("button")).toHaveLength(3);

    fireEvent.click(screen.getByLabelText(/Option A1/));
    await waitFor(() =>
      expect(calls.some((c) => c.method === "PUT" && c.path === "/api/catalog/exams/e1/answers/1")).toBe(true),
    );
    expect(calls.find((c) => c.path === "/api/catalog/exams/e1/answers/1")?.body).toEqual({ selected: [0] });
    expect(await screen.findByText("Answer saved")).toBeTruthy();
    expect(screen.getByText("1 of 3 answered")).toBeTruthy();

    fireEvent.keyDown(window, { key: "f" });
    await waitFor(() =>
      expect(within(grid).getByRole("button", { name: "Question 1: answered, flagged" })).toBeTruthy(),
    );
    expect(calls.find((c) => c.path === "/api/catalog/exams/e1/flags/1")?.body).toEqual({ flagged: true });

    fireEvent.keyDown(window, { key: "ArrowRight" });
    expect(await screen.findByRole("heading", { name: "Question 2 of 3" })).toBeTruthy();
    fireEvent.keyDown(window, { key: "2" });
    await waitFor(() =>
      expect(calls.find((c) => c.path === "/api/catalog/exams/e1/answers/2")?.body).toEqual({ selected: [0] }),
    );
  });

  it("asks before submitting, says what is unanswered, and submits", async () => {
    const calls = examServer(exam(1200));
    renderAt("/exam/e1", routes);
    await screen.findByRole("heading", { name: "Question 1 of 3" });
    fireEvent.click(screen.getAllByRole("button", { name: "Submit" })[0]);
    const dialog = screen.getByRole("dialog", { name: "Submit the exam?" });
    expect(dialog.textContent).toContain("You answered 0 of 3 questions.");
    expect(dialog.textContent).toContain("3 question(s) have no answer");
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(calls.some((c) => c.path.includes("/submit"))).toBe(false);

    fireEvent.click(screen.getAllByRole("button", { name: "Submit" })[0]);
    fireEvent.click(screen.getByRole("button", { name: "Submit now" }));
    expect(await screen.findByText("result page")).toBeTruthy();
    expect(calls.filter((c) => c.path.includes("/submit"))).toHaveLength(1);
  });

  it("submits by itself at the deadline", async () => {
    localStorage.setItem(CURRENT_EXAM_KEY, "e1");
    const calls = examServer(exam(1));
    renderAt("/exam/e1", routes);
    await screen.findByRole("heading", { name: "Question 1 of 3" });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1300));
    });
    expect(await screen.findByText("result page", {}, { timeout: 3000 })).toBeTruthy();
    expect(calls.filter((c) => c.path.includes("/submit"))).toHaveLength(1);
    expect(localStorage.getItem(CURRENT_EXAM_KEY)).toBeNull();
  });

  it("goes to the result of an exam that is already graded", async () => {
    examServer(exam(0, { status: "expired", result }));
    renderAt("/exam/e1", routes);
    expect(await screen.findByText("result page")).toBeTruthy();
  });

  it("keeps the previous questions closed when the format forbids revisits", async () => {
    examServer(exam(1200, { navigation: { flag: false, revisit: false } }));
    renderAt("/exam/e1", routes);
    await screen.findByRole("heading", { name: "Question 1 of 3" });
    expect(screen.queryByRole("button", { name: /Flag/ })).toBeNull();
    expect(screen.getByRole("button", { name: /Previous/ }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("button", { name: /Save and next/ })).toBeTruthy();
  });

  it("shows an error state with a retry when the exam cannot be loaded", async () => {
    stubFetch(() => ({
      status: 503,
      body: { title: "Service Unavailable", status: 503, detail: "the database is down" },
    }));
    renderAt("/exam/e1", routes);
    expect(await screen.findByRole("heading", { name: "Something went wrong on our side" })).toBeTruthy();
    expect(screen.getByText("the database is down")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});

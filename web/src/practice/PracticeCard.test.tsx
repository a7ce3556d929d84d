import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PracticeQuestion } from "../api/types";
import { renderAt, stubFetch } from "../test/render";
import { PracticeCard } from "./PracticeCard";

afterEach(() => vi.unstubAllGlobals());

const question: PracticeQuestion = {
  id: 12,
  revision: 2,
  jurisdiction: "vn",
  topic: "vn.1",
  kind: "choice",
  text: "Who goes first?",
  options: [
    { id: 0, text: "The car on the right" },
    { id: 1, text: "The faster car" },
  ],
  media: [],
  weight: 1,
  critical: true,
  tags: [],
};

describe("PracticeCard", () => {
  it("checks an answer and shows the correct option and the explanation", async () => {
    const calls = stubFetch((call) =>
      call.path.startsWith("/api/catalog/practice/answers")
        ? {
            body: {
              question_id: 12,
              revision: 2,
              correct: false,
              answer: { selected: [1] },
              correct_options: [0],
              explanation: "Priority to the right.",
              recorded: false,
            },
          }
        : undefined,
    );
    renderAt("/", [{ path: "/", element: <PracticeCard question={question} heading="Question 1" /> }]);
    expect(screen.getByText("Critical question")).toBeTruthy();
    const check = screen.getByRole("button", { name: "Check answer" });
    expect(check.hasAttribute("disabled")).toBe(true);
    fireEvent.click(screen.getByLabelText(/The faster car/));
    fireEvent.click(check);
    expect(await screen.findByText(/Not quite/)).toBeTruthy();
    expect(calls[0].body).toEqual({ question_id: 12, revision: 2, answer: { selected: [1] } });
    expect(screen.getByText("Priority to the right.")).toBeTruthy();
    expect(screen.getByText("correct answer")).toBeTruthy();
    expect(screen.getByText("your choice, wrong")).toBeTruthy();
  });
});

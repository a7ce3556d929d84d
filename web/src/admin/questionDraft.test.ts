import { describe, expect, it } from "vitest";
import { emptyQuestion, languagesOf, splitList, toSavable } from "./questionDraft";

describe("question drafts", () => {
  it("starts in the jurisdiction's languages", () => {
    expect(languagesOf(emptyQuestion("vn"))).toEqual(["vi", "en"]);
    expect(languagesOf(emptyQuestion("de"))).toEqual(["de", "en"]);
  });

  it("drops empty translations, ids and the options of a numeric question", () => {
    const draft = { ...emptyQuestion(), id: 7, revision: 3, external_id: " vn-9001 ", kind: "numeric" as const };
    draft.text = { vi: "Tốc độ tối đa?", en: "" };
    draft.numeric_answer = { value: 50, tolerance: 0 };
    const body = toSavable(draft);
    expect(body).not.toHaveProperty("id");
    expect(body).not.toHaveProperty("revision");
    expect(body.external_id).toBe("vn-9001");
    expect(body.text).toEqual({ vi: "Tốc độ tối đa?" });
    expect(body.explanation).toEqual({});
    expect(body.options).toEqual([]);
    expect(body.numeric_answer).toEqual({ value: 50, tolerance: 0 });
  });

  it("keeps the options of a choice question and no numeric key", () => {
    const draft = emptyQuestion();
    draft.options[0].text = { vi: "Có", en: "Yes" };
    const body = toSavable(draft);
    expect(body.options[0]).toEqual({ text: { vi: "Có", en: "Yes" }, correct: true });
    expect(body).not.toHaveProperty("numeric_answer");
  });

  it("splits comma lists", () => {
    expect(splitList(" road-sign, ,vn-b1 ")).toEqual(["road-sign", "vn-b1"]);
  });
});

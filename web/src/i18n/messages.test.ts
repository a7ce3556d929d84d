import { describe, expect, it } from "vitest";
import { adminDictionaries } from "../admin/messages";
import { translate } from "./i18n";
import { en } from "./messages.en";
import { vi } from "./messages.vi";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ["app", en, vi],
  ["admin", adminDictionaries.en, adminDictionaries.vi],
])("the %s dictionaries", (_name, english: Record<string, string>, vietnamese: Record<string, string>) => {
  it("have the same keys", () => {
    expect(Object.keys(vietnamese).sort()).toEqual(Object.keys(english).sort());
  });

  it("have no empty text and the same placeholders in both languages", () => {
    for (const key of Object.keys(english)) {
      expect(english[key].trim(), key).not.toBe("");
      expect(vietnamese[key].trim(), key).not.toBe("");
      expect(placeholders(vietnamese[key]), key).toEqual(placeholders(english[key]));
    }
  });
});

describe("translate", () => {
  it("fills placeholders and leaves unknown ones", () => {
    expect(translate("en")("exam.questionOf", { n: 3, count: 30 })).toBe("Question 3 of 30");
    expect(translate("vi")("exam.questionOf", { n: 3, count: 30 })).toBe("Câu 3/30");
    expect(translate("en")("exam.questionOf", { n: 3 })).toBe("Question 3 of {count}");
  });
});

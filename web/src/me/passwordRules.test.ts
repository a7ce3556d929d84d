import { describe, expect, it } from "vitest";
import { passwordProblems } from "./passwordRules";

describe("passwordProblems", () => {
  it("accepts a long password with a digit and a capital", () => {
    expect(passwordProblems("Strong-pass-42", "lan", "lan@example.com")).toEqual([]);
  });
  it("names every missing rule", () => {
    expect(passwordProblems("short", "", "")).toEqual([
      "password.rule.length",
      "password.rule.digit",
      "password.rule.upper",
    ]);
  });
  it("refuses the username as the password", () => {
    expect(passwordProblems("Nguyenvan12", "nguyenvan12", "")).toContain("password.rule.notName");
  });
  it("counts Vietnamese letters as characters and capitals", () => {
    expect(passwordProblems("Đường-đi-số1", "", "")).toEqual([]);
  });
});

// Signing in (Keycloak, authorization code + PKCE), an exam that lands in the history, the learner's pages,
// and signing out.
import { expect, test } from "@playwright/test";
import { learner, signIn, snapshot, useLanguage } from "./support";

test("sign in, take an exam, see it in the history, sign out", async ({ page }) => {
  await useLanguage(page, "en");
  await page.goto("/me/history");
  await expect(page.getByRole("heading", { name: "Sign in needed" })).toBeVisible();
  await page.locator("main").getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/28180/);
  await page.locator("#username").fill(learner.username);
  await page.locator("#password").fill(learner.password);
  await page.locator("#kc-login").click();
  // Back where the sign-in started, in the profile's language.
  await page.waitForURL(/\/me\/history$/);
  await page.getByRole("button", { name: "EN", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My exams" })).toBeVisible();

  // A signed-in exam, submitted at once.
  await page.getByRole("link", { name: "Home", exact: true }).click();
  await page.getByRole("button", { name: "Start the mock exam" }).click();
  await expect(page.getByRole("heading", { name: /Question 1 of/ })).toBeVisible();
  const examId = page.url().split("/").pop()!;
  await page.keyboard.press("1");
  await expect(page.getByText("Answer saved")).toBeVisible();
  await page.getByRole("button", { name: "Submit" }).first().click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit now" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exam result" })).toBeVisible();

  // The history lists it first, with its result.
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My exams" })).toBeVisible();
  const firstRow = page.locator("tbody tr").first();
  await expect(firstRow).toContainText("Failed");
  await expect(firstRow.getByRole("link", { name: "Result" })).toHaveAttribute("href", `/exam/${examId}/result`);
  await snapshot(page, "history");

  for (const [link, heading, shot] of [
    ["Statistics", "My statistics", "statistics"],
    ["Review", "Review", "review"],
    ["Bookmarks", "Bookmarks", "bookmarks"],
    ["Profile", "Profile", "profile"],
  ]) {
    await page.locator("header").getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.locator(".error-view")).toHaveCount(0);
    await snapshot(page, shot);
  }
  await expect(page.getByRole("img", { name: /Readiness/ })).toHaveCount(0); // the profile page has no chart
  await page.locator("header").getByRole("link", { name: "Statistics" }).click();
  await expect(page.getByRole("img", { name: /Readiness: \d+ \/ 100/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Accuracy by topic" })).toBeVisible();

  // Signing out ends the Keycloak session too: the history asks to sign in again.
  await page.locator("header").getByRole("button", { name: "Sign out" }).click();
  await expect(page.locator("header").getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.goto("/me/history");
  await expect(page.getByRole("heading", { name: "Sign in needed" })).toBeVisible();
});

test("a session survives a reload and refreshes its token silently", async ({ page }) => {
  await useLanguage(page, "en");
  await page.goto("/");
  await signIn(page, learner);
  // Make the access token look expired: the app refreshes it before the next call.
  await page.evaluate(() => {
    const tokens = JSON.parse(localStorage.getItem("dt.auth.tokens")!);
    tokens.expires_at = Date.now() - 1000;
    localStorage.setItem("dt.auth.tokens", JSON.stringify(tokens));
  });
  const before = await page.evaluate(() => JSON.parse(localStorage.getItem("dt.auth.tokens")!).access_token);
  await page.reload();
  await page.goto("/me/history");
  await expect(page.getByRole("table")).toBeVisible();
  const after = await page.evaluate(() => JSON.parse(localStorage.getItem("dt.auth.tokens")!).access_token);
  expect(after).not.toBe(before);
});

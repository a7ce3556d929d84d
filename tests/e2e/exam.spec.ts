// An anonymous class B mock exam from start to result, by keyboard: 30 questions, a countdown from the
// server's deadline, the grid showing answered and flagged questions, resumption after a reload, the
// confirmation before submitting, and a result whose critical-question rule is visible.
import { expect, test } from "@playwright/test";
import { snapshot, useLanguage } from "./support";

test.beforeEach(async ({ page }) => {
  await useLanguage(page, "en");
  await page.addInitScript(() => {
    if (!localStorage.getItem("dt.choice"))
      localStorage.setItem("dt.choice", JSON.stringify({ jurisdiction: "vn", licenceClass: "B" }));
  });
});

test("anonymous class B exam end to end", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Driving theory practice" })).toBeVisible();
  await expect(page.getByText("at least 27 of 30 right")).toBeVisible();
  await expect(page.getByText("1 – a wrong answer fails the exam")).toBeVisible();
  await snapshot(page, "home");

  // Start with the keyboard.
  await page.getByRole("button", { name: "Start the mock exam" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Question 1 of 30" })).toBeVisible();
  const grid = page.getByRole("navigation", { name: "Questions" });
  await expect(grid.getByRole("button")).toHaveCount(30);

  // The countdown starts near 20:00 and runs.
  const timer = page.getByRole("timer");
  await expect(timer).toHaveText(/^(20:00|19:[0-5]\d)$/);
  const first = await timer.textContent();
  await expect(timer).not.toHaveText(first!, { timeout: 5_000 });

  // Answer questions 1-5 with the digit keys, moving on with the arrow key; flag question 3.
  for (let n = 1; n <= 5; n++) {
    await expect(page.getByRole("heading", { name: `Question ${n} of 30` })).toBeVisible();
    await page.keyboard.press("1");
    await expect(page.getByText("Answer saved")).toBeVisible();
    if (n === 3) {
      await page.keyboard.press("f");
      await expect(page.getByRole("button", { name: /Remove flag/ })).toBeVisible();
    }
    await page.keyboard.press("ArrowRight");
  }
  await expect(page.getByText("5 of 30 answered")).toBeVisible();
  await expect(grid.getByRole("button", { name: "Question 3: answered, flagged" })).toBeVisible();
  await expect(grid.getByRole("button", { name: "Question 6: not answered" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Questions answered" })).toHaveAttribute("aria-valuenow", "5");
  await snapshot(page, "exam");

  // A reload resumes the same exam, at the same question, with the answers and the flag.
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByRole("heading", { name: "Question 6 of 30" })).toBeVisible();
  await expect(page.getByText("5 of 30 answered")).toBeVisible();
  await expect(grid.getByRole("button", { name: "Question 3: answered, flagged" })).toBeVisible();

  // Revisit question 3 from the grid and change its answer.
  await grid.getByRole("button", { name: /^Question 3:/ }).click();
  await expect(page.getByRole("heading", { name: "Question 3 of 30" })).toBeVisible();
  await page.keyboard.press("2");
  await expect(page.getByText("Answer saved")).toBeVisible();

  // Submit: a confirmation first (cancel once, with Escape), then the result.
  await page.getByRole("button", { name: "Submit" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Submit the exam?" });
  await expect(dialog).toContainText("You answered 5 of 30 questions.");
  await expect(dialog).toContainText("25 question(s) have no answer");
  await expect(dialog).toContainText("1 question(s) are flagged");
  await snapshot(page, "exam-confirm");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Submit" }).first().click();
  await dialog.getByRole("button", { name: "Submit now" }).click();

  await expect(page).toHaveURL(/\/exam\/[0-9a-f-]+\/result$/);
  await expect(page.getByRole("heading", { level: 1, name: "Exam result" })).toBeVisible();
  const verdict = page.locator(".verdict");
  // 25 unanswered questions: failed, and the critical question (unanswered or wrong) is one of the reasons
  // unless it happened to be among the five answered correctly.
  await expect(verdict.getByRole("heading", { name: "Failed" })).toBeVisible();
  await expect(verdict).toContainText("Score below the pass mark");
  await expect(verdict.getByText("Critical question", { exact: true })).toBeVisible();
  await expect(verdict).toContainText(/MISSED \(question \d+\) – this alone fails the exam|answered correctly \(1\)/);
  const missed = await verdict.getByText(/MISSED/).count();
  if (missed) await expect(verdict).toContainText("Critical question answered wrongly");
  await expect(page.getByRole("heading", { name: "By topic" })).toBeVisible();
  await expect(page.locator(".review-item")).toHaveCount(30);
  await expect(page.locator(".review-item .badge.critical")).toHaveCount(1);
  await snapshot(page, "result");

  // Only the mistakes, then a question with an image shows it.
  await page.getByLabel("Only questions I got wrong").check();
  expect(await page.locator(".review-item").count()).toBeGreaterThanOrEqual(25);
});

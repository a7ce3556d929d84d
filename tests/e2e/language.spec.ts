// Switching between Vietnamese and English: the app's texts and the catalogue's, remembered after a reload.
import { expect, test } from "@playwright/test";
import { snapshot } from "./support";

test("switch language and keep it", async ({ page }) => {
  await page.addInitScript(() => {
    if (!localStorage.getItem("dt.choice"))
      localStorage.setItem("dt.choice", JSON.stringify({ jurisdiction: "vn", licenceClass: "B" }));
  });
  await page.goto("/");
  // The browser asks for Vietnamese (locale vi-VN): the first visit is in Vietnamese.
  await expect(page.getByRole("heading", { level: 1, name: "Ôn thi lý thuyết lái xe" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("combobox", { name: "Quốc gia" })).toContainText("Việt Nam");

  await page.getByRole("group", { name: "Ngôn ngữ" }).getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Driving theory practice" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("combobox", { name: "Country" })).toContainText("Vietnam");
  await expect(page.getByRole("button", { name: "EN" })).toHaveAttribute("aria-pressed", "true");

  // Remembered; the catalogue's questions come in English too.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Driving theory practice" })).toBeVisible();
  await page.getByRole("link", { name: "Practice", exact: true }).first().click();
  await page.getByRole("link", { name: "Road signs" }).first().click();
  await expect(page.getByRole("heading", { name: "Question 1", exact: true })).toBeVisible();
  await expect(page.locator(".question-text")).toHaveText(/[A-Za-z]/);
  // The demo road signs must be where config.json's mediaBase (the object store's public bucket) or its
  // fallback /media/ points (docs/web.md, "Images").
  await expect(page.locator(".media img"), "the road-sign image is not served (docs/web.md, Images)").toHaveJSProperty(
    "complete",
    true,
  );
  expect(await page.locator(".media img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await snapshot(page, "practice-road-signs");

  await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "VI" }).click();
  await expect(page.getByRole("heading", { name: "Câu 1", exact: true })).toBeVisible();
  await expect(page.locator(".question-text")).toContainText(/Biển|biển/);
});

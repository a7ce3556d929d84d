// Registering a new user through the Account service, then signing in with the new account.
import { expect, test } from "@playwright/test";
import { snapshot, unique, useLanguage } from "./support";

test("register a new user and sign in", async ({ page }) => {
  await useLanguage(page, "en");
  const username = unique("e2e");
  const password = "Strong-pass-42";
  await page.goto("/");
  await page.locator("header").getByRole("link", { name: "Register" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();

  // The password policy is explained before the server is asked.
  await page.getByLabel("User name").fill(username);
  await page.getByLabel("E-mail").fill(`${username}@test.drivetest.local`);
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Password again").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await snapshot(page, "register");

  await page.getByLabel("Display name").fill("E2E Learner");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password again").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account created" })).toBeVisible();

  // Sign in: Keycloak's form comes with the user name filled in.
  await page.locator("main").getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/28180/);
  await expect(page.locator("#username")).toHaveValue(username);
  await page.locator("#password").fill(password);
  await page.locator("#kc-login").click();
  await expect(page.locator("header").getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.locator("header").getByRole("link", { name: "Profile" }).click();
  await expect(page.getByText(`${username} · ${username}@test.drivetest.local`)).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveValue("E2E Learner");

  // Registering the same name again is refused, naming the field.
  await page.locator("header").getByRole("button", { name: "Sign out" }).click();
  await page.goto("/register");
  await page.getByLabel("User name").fill(username);
  await page.getByLabel("E-mail").fill(`${unique("e2e")}@test.drivetest.local`);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password again").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("this username is already taken")).toBeVisible();
});

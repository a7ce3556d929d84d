// Helpers shared by the end-to-end specs: screenshots into artifacts/, signing in through Keycloak's form,
// access tokens for setting up data through the API, the demo users.
import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const learner = { username: "learner", password: "Learner-demo-1" };
export const admin = { username: "admin", password: "Admin-demo-1" };
export const keycloak = process.env.DT_KEYCLOAK_URL ?? "http://127.0.0.1:28180";

const screenshots = join(__dirname, "../../artifacts/screenshots");

/** A full-page screenshot of a main page, kept in artifacts/screenshots (git-ignored). */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({
    path: join(screenshots, `${name}.png`),
    fullPage: true,
  });
}

/** Chooses the app's language before the first page loads (localStorage), so texts are predictable. */
export async function useLanguage(page: Page, lang: "vi" | "en"): Promise<void> {
  await page.addInitScript((code) => {
    if (!localStorage.getItem("dt.language")) localStorage.setItem("dt.language", code);
  }, lang);
}

/**
 * Signs in with the app's button and Keycloak's login form (authorization code + PKCE). The app then takes the
 * profile's language; `lang` switches to the language the test reads.
 */
export async function signIn(
  page: Page,
  user: { username: string; password: string },
  lang: "vi" | "en" = "en",
): Promise<void> {
  await page
    .locator("header")
    .getByRole("button", { name: /Sign in|Đăng nhập/ })
    .click();
  await page.waitForURL(/\/realms\/drivetest\/protocol\/openid-connect\/auth/);
  await page.locator("#username").fill(user.username);
  await page.locator("#password").fill(user.password);
  await page.locator("#kc-login").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/auth/") && url.port !== "28180");
  await expect(page.locator("header").getByRole("button", { name: /Sign out|Đăng xuất/ })).toBeVisible();
  await page.locator("header").getByRole("button", { name: lang.toUpperCase(), exact: true }).click();
}

/** An access token by the password grant of the test client drivetest-tests (never used by the app). */
export async function token(user: { username: string; password: string }): Promise<string> {
  const response = await fetch(`${keycloak}/realms/drivetest/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "password",
      client_id: "drivetest-tests",
      ...user,
    }),
  });
  if (!response.ok) throw new Error(`token for ${user.username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A name no earlier run used. */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

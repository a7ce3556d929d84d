// Playwright for the web app's end-to-end tests: Debian's chromium (never a downloaded browser), one worker
// (the tests share the demo users and the question bank), against the running stack (tests/e2e/run.sh).
// Run through infra/web.sh e2e, which sets NODE_PATH so these files find @playwright/test in web/node_modules.
import { defineConfig } from "@playwright/test";
import { join } from "node:path";

const root = join(__dirname, "../..");

export default defineConfig({
  testDir: __dirname,
  testMatch: "*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: join(root, "artifacts/e2e/results"),
  reporter: [["list"]],
  use: {
    baseURL: process.env.DT_E2E_BASE_URL ?? "http://127.0.0.1:28080",
    locale: "vi-VN",
    viewport: { width: 1280, height: 900 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.DT_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-quic",
        "--disable-sync",
      ],
    },
  },
});

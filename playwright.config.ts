import { defineConfig } from "@playwright/test";

// Fixed so the config (read before global setup runs) knows the URL; override with E2E_PORT.
const port = Number(process.env.E2E_PORT ?? 3107);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/global-setup.ts",
  // Specs share one server and database and each seeds its own data, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  // Playwright empties its output directory on every run; saved screens live beside it.
  outputDir: "test-results/playwright",
  use: {
    baseURL: process.env.E2E_SERVER_URL ?? `http://127.0.0.1:${port}`,
    // Signed in as the e2e admin (e2e/global-setup.ts); specs for other roles make their own.
    storageState: "test-results/e2e-auth/admin.json",
    browserName: "chromium",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: `npx playwright install` cannot download a browser here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
});

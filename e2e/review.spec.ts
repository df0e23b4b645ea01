import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import Papa from "papaparse";
import {
  formatChange,
  formatCount,
  formatDuration,
  formatHours,
  formatPercent,
  relativeChange,
} from "../lib/client/format";
import { peopleTotals } from "../lib/shared/people-totals";
import type { Report } from "../lib/shared/report";
import { e2eDatabaseUrl, emptyE2eDatabase, seedDemoOrganisation } from "./fixtures/database";
import { expect, type Page, test } from "./fixtures/test";

const run = promisify(execFile);
const Q3 = "from=2026-07-01&to=2026-10-01&tz=Europe/Stockholm";
const Q2 = "from=2026-04-01&to=2026-07-01&tz=Europe/Stockholm";

/** `fairshift report` for the same filters, as a person would run it to check the screen. */
async function reportFromCli(from: string, to: string, timeZone: string): Promise<Report> {
  const root = path.resolve(import.meta.dirname, "..");
  const { stdout } = await run(
    process.execPath,
    ["bin/fairshift.js", "report", "--from", from, "--to", to, "--tz", timeZone],
    { cwd: root, env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, maxBuffer: 64 << 20 },
  );
  return JSON.parse(stdout) as Report;
}

const tile = (page: Page, id: string) => page.getByTestId(`tile-${id}-value`);

/** Opens a dashboard URL and waits until its filters respond (hydrated), not for a fixed time. */
async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('form[aria-label="Filters"][data-hydrated="true"]')).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await seedDemoOrganisation();
});

test("the quarterly review's tiles are the report's numbers, with the change against the quarter before", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const [current, previous] = await Promise.all([
    reportFromCli("2026-07-01", "2026-10-01", "Europe/Stockholm"),
    reportFromCli("2026-04-01", "2026-07-01", "Europe/Stockholm"),
  ]);
  await page.goto(`/?${Q3}`);
  await expect(page.getByRole("heading", { name: "Quarterly review: 2026 Q3" })).toBeVisible();

  const incidents = current.incidents;
  await expect(tile(page, "incidents")).toHaveText(formatCount(incidents.count));
  await expect(page.getByTestId("tile-incidents-change")).toContainText(
    `${formatChange(relativeChange(incidents.count, previous.incidents.count))} vs 2026 Q2`,
  );
  await expect(tile(page, "mtta")).toHaveText(formatDuration(incidents.mtta.medianSeconds));
  await expect(tile(page, "mttr")).toHaveText(formatDuration(incidents.mttr.medianSeconds));
  await expect(page.getByTestId("tile-mttr")).toContainText(
    `p90 ${formatDuration(incidents.mttr.p90Seconds)} · mean ${formatDuration(incidents.mttr.meanSeconds)}`,
  );
  await expect(tile(page, "customer-first")).toHaveText(
    formatPercent(current.detection.customerFirstRate),
  );

  // People's load arrives after the first paint; it is the CLI's people rows added up.
  const load = peopleTotals(current.people);
  const loadBefore = peopleTotals(previous.people);
  await expect(tile(page, "off-hours")).toHaveText(formatCount(load.offHoursInterruptions));
  await expect(tile(page, "wakeups")).toHaveText(formatCount(load.wakeups));
  await expect(tile(page, "toil-owed")).toHaveText(formatHours(load.toilOwedHours));
  await expect(page.getByTestId("tile-wakeups-change")).toContainText(
    formatChange(relativeChange(load.wakeups, loadBefore.wakeups)),
  );

  // Each team row: its incident count is the metrics for that team alone.
  const rows = page.getByTestId("by-team").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const first = rows.first();
  const teamName = (await first.getByRole("rowheader").textContent()) ?? "";
  const teamMetrics = await (
    await page.request.get(`/api/metrics/incidents?${Q3}&team=${encodeURIComponent(teamName)}`)
  ).json();
  await expect(first.getByRole("cell").first()).toHaveText(formatCount(teamMetrics.count));

  // A definition is one click away.
  await page.getByLabel("How MTTR is defined").first().click();
  await expect(page.getByText("created → resolved, over resolved incidents").first()).toBeVisible();

  await page.screenshot({ path: "test-results/screens/review-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel("How MTTR is defined").first().click();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/review-phone.png", fullPage: true });
});

test("filters live in the URL: a quarter, a team and the trend length survive a reload", async ({
  page,
}) => {
  await open(page, `/?${Q3}`);
  await page.getByRole("combobox", { name: "Quarter", exact: true }).selectOption("2026-Q2");
  await expect(page).toHaveURL(/from=2026-04-01&to=2026-07-01/);
  await expect(page.getByRole("heading", { name: "Quarterly review: 2026 Q2" })).toBeVisible();

  await page.getByRole("combobox", { name: "Team", exact: true }).selectOption("Payments");
  await expect(page).toHaveURL(/team=Payments/);
  await page.reload();
  await expect(page.locator('form[aria-label="Filters"][data-hydrated="true"]')).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Quarter", exact: true })).toHaveValue("2026-Q2");
  await expect(page.getByRole("combobox", { name: "Team", exact: true })).toHaveValue("Payments");
  const payments = await (
    await page.request.get(`/api/metrics/incidents?${Q2}&team=Payments`)
  ).json();
  await expect(tile(page, "incidents")).toHaveText(formatCount(payments.count));
  await expect(page.locator(".lede")).toContainText("Payments");

  // Monthly trends over 4 quarters: 12 months ending June 2026, as a table.
  await page.getByRole("combobox", { name: "Over" }).selectOption("4");
  await expect(page).toHaveURL(/quarters=4/);
  const trends = page.getByRole("region", { name: "Incidents and customer-reported first" });
  await trends.getByRole("button", { name: "Show as table" }).click();
  const months = trends.locator("tbody tr");
  await expect(months).toHaveCount(12);
  await expect(months.first().getByRole("rowheader")).toHaveText("2025-07");
  const series = await (
    await page.request.get(
      "/api/metrics/series?from=2025-07-01&to=2026-07-01&tz=Europe/Stockholm&team=Payments&interval=month",
    )
  ).json();
  await expect(months.last().getByRole("cell").first()).toHaveText(
    formatCount(series.buckets[11].count),
  );
});

test("the review prints as a clean document and exports its numbers as CSV", async ({ page }) => {
  await page.goto(`/?${Q3}`);
  await expect(tile(page, "wakeups")).not.toHaveText("—");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("fairshift-review-2026-07-01-2026-10-01.csv");
  const csv = Papa.parse<Record<string, string>>(await readFile(await download.path(), "utf8"), {
    header: true,
    skipEmptyLines: true,
  });
  const metrics = await (await page.request.get(`/api/metrics/incidents?${Q3}`)).json();
  const organisation = csv.data.filter((row) => row.section === "organisation");
  expect(organisation.map((row) => row.period)).toEqual(["2026 Q3", "2026 Q2"]);
  expect(Number(organisation[0]?.incidents)).toBe(metrics.count);
  expect(Number(organisation[0]?.mtta_median_seconds)).toBeCloseTo(metrics.mtta.medianSeconds, 1);
  expect(organisation[0]?.wakeups).toBe(
    (await tile(page, "wakeups").textContent())?.replaceAll(",", ""),
  );
  expect(csv.data.filter((row) => row.section === "month")).toHaveLength(24);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".shell-header")).toBeHidden();
  await expect(page.getByRole("form", { name: "Filters" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(tile(page, "incidents")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/review-print.png", fullPage: true });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(4);
});

test("an empty database explains how to load data", async ({ page }) => {
  await emptyE2eDatabase();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "No data yet" })).toBeVisible();
  await expect(page.getByText("npx fairshift seed")).toBeVisible();
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

import path from "node:path";
import { emptyE2eDatabase, queryRows } from "./fixtures/database";
import { expect, test } from "./fixtures/test";

const FIXTURES = path.resolve(import.meta.dirname, "../../shared/fixtures/pagerduty/rest-api");

test("an admin uploads PagerDuty exports on the Data page and sees each run and its rejected rows", async ({
  page,
}) => {
  await emptyE2eDatabase();
  await page.goto("/data");
  await expect(page.getByRole("heading", { name: "Data", exact: true })).toBeVisible();
  await expect(page.getByText("No imports yet.")).toBeVisible();

  await page
    .getByLabel("Files", { exact: true })
    .setInputFiles([
      path.join(FIXTURES, "devlake/_raw_pagerduty_incidents.csv"),
      path.join(FIXTURES, "openapi-examples/POST_analytics_metrics_responders_all.json"),
    ]);
  await page.getByRole("button", { name: "Upload and import" }).click();

  const runs = page.getByRole("table", { name: "Import runs" });
  const devlake = runs.getByRole("row").filter({ hasText: "_raw_pagerduty_incidents.csv" });
  // 3 incidents and their 44 log entries, as the file holds them.
  await expect(devlake.getByRole("cell").nth(3)).toHaveText("succeeded", { timeout: 30_000 });
  await expect(devlake.getByRole("cell").nth(4)).toHaveText("47");
  const [stored] = await queryRows<{ incidents: number; entries: number }>(
    "SELECT (SELECT count(*) FROM incidents)::int AS incidents, (SELECT count(*) FROM incident_log_entries)::int AS entries",
  );
  expect(stored).toEqual({ incidents: 3, entries: 44 });

  const aggregate = runs
    .getByRole("row")
    .filter({ hasText: "POST_analytics_metrics_responders_all.json" });
  await expect(aggregate.getByRole("cell").nth(7)).toHaveText("1");
  await page.screenshot({ path: "test-results/screens/data-desktop.png", fullPage: true });
  await aggregate.getByRole("button").click();
  const rejected = page.getByRole("table", { name: "Rejected rows" });
  await expect(rejected.getByRole("cell").nth(1)).toHaveText(
    "Analytics aggregate metrics cannot be imported: export raw incidents (POST /analytics/raw/incidents) instead",
  );
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/data-phone.png", fullPage: true });
});

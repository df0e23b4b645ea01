import type { Report } from "../lib/shared/report";
import { emptyE2eDatabase, queryRows, seedDemoOrganisation } from "./fixtures/database";
import { expect, type Page, test } from "./fixtures/test";

const format = (value: number) => new Intl.NumberFormat("en").format(value);
const QUARTER = "from=2026-07-01&to=2026-10-01";

type Interruptions = { business: number; off: number; sleep: number };

function interruptionTotals(report: Report): Interruptions {
  const totals = { business: 0, off: 0, sleep: 0 };
  for (const person of report.people) {
    totals.business += person.interruptions.business;
    totals.off += person.interruptions.off;
    totals.sleep += person.interruptions.sleep;
  }
  return totals;
}

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

test("an admin changes the settings on the Data page and the numbers follow", async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  await seedDemoOrganisation();
  const customersBefore = (await (await request.get(`/api/metrics/incidents?${QUARTER}`)).json())
    .detection.customer as number;
  const reportBefore = (await (await request.get(`/api/report?${QUARTER}`)).json()) as Report;

  await page.goto("/data");
  await expect(page.getByRole("heading", { name: "Data", exact: true })).toBeVisible();

  // Sync status: no token on this server, and the command to run.
  const sync = page.locator("section", { has: page.getByRole("heading", { name: "API sync" }) });
  await expect(sync.getByText("no token configured", { exact: true })).toBeVisible();
  await expect(sync.getByText("npx fairshift sync pagerduty", { exact: true })).toBeVisible();
  await expect(sync.getByRole("button", { name: "Sync now" })).toBeDisabled();
  await expect(sync.getByText("No sync has run yet.")).toBeVisible();

  // Detection: a title rule turns the Pingdom probes' incidents into customer-reported ones.
  const [expected] = await queryRows<{ all: number; quarter: number }>(
    `SELECT count(*)::int AS all,
       count(*) FILTER (WHERE created_at >= '2026-07-01T00:00:00Z' AND created_at < '2026-10-01T00:00:00Z')::int AS quarter
     FROM incidents
     WHERE title ~* 'pingdom' AND detection_source NOT IN ('customer', 'test') AND detection_override IS NULL`,
  );
  expect(expected?.quarter).toBeGreaterThan(0);
  const detection = section(page, "Detection rules");
  // The API's refusal is shown next to its field.
  await detection.getByLabel("Customer title pattern").fill("pingdom(");
  await detection.getByRole("button", { name: "Save" }).click();
  await expect(detection.getByRole("alert")).toContainText(
    "Not saved: detection.customerTitlePattern:",
  );
  await expect(detection.getByLabel("Customer title pattern")).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await detection.getByLabel("Customer title pattern").fill("pingdom");
  await detection.getByRole("button", { name: "Save" }).click();
  await expect(detection.getByText(/^Detection re-labelled /)).toHaveText(
    new RegExp(
      `^Detection re-labelled ${format(expected?.all ?? -1)} incidents \\(of [\\d,]+ examined\\)\\.$`,
    ),
    { timeout: 30_000 },
  );
  const customersAfter = (await (await request.get(`/api/metrics/incidents?${QUARTER}`)).json())
    .detection.customer;
  expect(customersAfter).toBe(customersBefore + (expected?.quarter ?? 0));

  // Hour bands: business hours to 20:00 move weekday 18:00–20:00 interruptions from off to business.
  const bands = section(page, "Time zone and hour bands");
  await bands.getByLabel("Business hours end").fill("20");
  await bands.getByRole("button", { name: "Save" }).click();
  await expect(bands.getByText(/^Time in lieu re-derived: /)).toBeVisible({ timeout: 60_000 });
  const reportAfter = (await (await request.get(`/api/report?${QUARTER}`)).json()) as Report;
  const before = interruptionTotals(reportBefore);
  const after = interruptionTotals(reportAfter);
  const moved = after.business - before.business;
  expect(moved).toBeGreaterThan(0);
  expect(after).toEqual({
    business: before.business + moved,
    off: before.off - moved,
    sleep: before.sleep,
  });

  // Holidays: add Christmas Eve for Sweden and see it listed (here and in the API).
  const holidays = section(page, "Holidays");
  await holidays.getByLabel("Region", { exact: true }).last().fill("SE");
  await holidays.getByLabel("Date").fill("2026-12-24");
  await holidays.getByLabel("Name").fill("Christmas Eve");
  await holidays.getByRole("button", { name: "Save override" }).click();
  await expect(
    holidays.getByText("Saved: Thu, 24 Dec 2026 in SE is a holiday (Christmas Eve)."),
  ).toBeVisible();
  const overrides = holidays.getByRole("table", { name: "Overrides" });
  await expect(overrides.getByRole("row").filter({ hasText: "Christmas Eve" })).toContainText("SE");
  const listed = await (await request.get("/api/settings/holidays")).json();
  expect(listed.overrides).toEqual([
    expect.objectContaining({
      region: "SE",
      date: "2026-12-24",
      name: "Christmas Eve",
      isHoliday: true,
    }),
  ]);

  // Time in lieu: a new version of the organisation default from 1 July, weekends ×3.
  const [policies] = await queryRows<{ count: number }>(
    "SELECT count(*)::int AS count FROM time_in_lieu_policies",
  );
  const timeInLieu = section(page, "Time in lieu");
  const history = timeInLieu.getByRole("table", { name: "Policy history, newest first" });
  await expect(history.getByRole("row")).toHaveCount(1 + (policies?.count ?? 0));
  await timeInLieu.getByLabel("Team").selectOption({ label: "Organisation default" });
  await timeInLieu.getByLabel("Effective from").fill("2026-07-01");
  await timeInLieu.getByLabel("Weekend multiplier").fill("300");
  await timeInLieu.getByRole("button", { name: "Save policy version" }).click();
  const rederived = timeInLieu.getByText(/^Time in lieu re-derived: /);
  await expect(rederived).toBeVisible({ timeout: 60_000 });
  await expect(history.getByRole("row")).toHaveCount(2 + (policies?.count ?? 0));
  // Everyone's call-outs from 1 July on were derived again: the line counts exactly those.
  const [accruals] = await queryRows<{ count: number }>(
    "SELECT count(*)::int AS count FROM time_in_lieu_entries WHERE kind = 'accrual' AND occurred_at >= '2026-07-01T00:00:00Z'",
  );
  await expect(rederived).toContainText(`re-derived: ${format(accruals?.count ?? -1)} accruals`);
  const reportWithPolicy = (await (await request.get(`/api/report?${QUARTER}`)).json()) as Report;
  const accrued = (report: Report) =>
    report.people.reduce((total, person) => total + person.toil.accruedHours, 0);
  expect(accrued(reportWithPolicy)).toBeGreaterThan(accrued(reportAfter));

  await page.screenshot({ path: "test-results/screens/data-settings-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await page.screenshot({ path: "test-results/screens/data-settings-phone.png", fullPage: true });
});

test("on an empty database the settings show the defaults and the sync has not run", async ({
  page,
}) => {
  await emptyE2eDatabase();
  await page.goto("/data");
  await expect(page.getByText("No sync has run yet.")).toBeVisible();
  await expect(
    page.getByText("No checkpoints yet: the first sync fetches the whole history."),
  ).toBeVisible();
  const bands = section(page, "Time zone and hour bands");
  await expect(bands.getByLabel("Business hours end")).toHaveValue("18");
  await expect(section(page, "Holidays").getByText("No people imported yet.")).toBeVisible();
});

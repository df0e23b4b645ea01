import { emptyE2eDatabase, queryRows, seedDemoOrganisation } from "./fixtures/database";
import { expect, type Page, test } from "./fixtures/test";

const RANGE = "from=2026-07-01&to=2026-10-01";
const count = (value: number) => new Intl.NumberFormat("en").format(value);
// formatDateTime's format, written out here so the screen is checked against the database.
const dateTime = (value: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    value,
  );
const pad = (value: number) => String(value).padStart(2, "0");

async function metricsTotal(page: Page, query: string): Promise<number> {
  const response = await page.request.get(`/api/metrics/incidents?${query}`);
  expect(response.ok()).toBe(true);
  const metrics = (await response.json()) as { count: number; excludedTests: number };
  return metrics.count + metrics.excludedTests;
}

test.describe.configure({ mode: "serial" });

test("the list totals what the metrics count, filters through the URL and survives a reload", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await seedDemoOrganisation();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/incidents?${RANGE}&tz=UTC`);
  await expect(page.getByRole("heading", { name: "Incidents", exact: true })).toBeVisible();

  const total = await metricsTotal(page, `${RANGE}&tz=UTC`);
  expect(total).toBeGreaterThan(50);
  await expect(page.getByTestId("incident-total")).toHaveText(count(total));
  await expect(page.getByText(`Showing 1–50 of ${count(total)} incidents`)).toBeVisible();
  // The first row is the quarter's newest incident, as SQL orders it.
  const [newest] = await queryRows<{ number: number; title: string }>(
    `SELECT number, title FROM incidents
     WHERE created_at >= '2026-07-01T00:00:00Z' AND created_at < '2026-10-01T00:00:00Z'
     ORDER BY created_at DESC, id DESC LIMIT 1`,
  );
  const table = page.getByRole("table", { name: /Incidents created from 2026-07-01/ });
  await expect(table.getByRole("row").nth(1).getByRole("rowheader")).toHaveText(
    `#${newest?.number} ${newest?.title}`,
  );
  await expect(table.getByRole("row")).toHaveCount(51);
  await page.screenshot({ path: "test-results/screens/incidents-desktop.png", fullPage: true });

  // A team through the filter bar: the URL carries it and the total is the API's for that team.
  const [team] = await queryRows<{ name: string }>(
    "SELECT name FROM teams ORDER BY lower(name) LIMIT 1",
  );
  const teamName = team?.name ?? "";
  await page.getByLabel("Team").selectOption({ label: teamName });
  await page.waitForURL((url) => url.searchParams.get("team") === teamName);
  const teamTotal = await metricsTotal(
    page,
    `${RANGE}&tz=UTC&team=${encodeURIComponent(teamName)}`,
  );
  expect(teamTotal).toBeLessThan(total);
  await expect(page.getByTestId("incident-total")).toHaveText(count(teamTotal));
  await page.reload();
  await expect(page.getByLabel("Team")).toHaveValue(teamName);
  await expect(page.getByTestId("incident-total")).toHaveText(count(teamTotal));

  // The list's own filters: status, then a search by #number, each in the URL.
  await page.getByLabel("Status").selectOption({ label: "Resolved" });
  await page.waitForURL((url) => url.searchParams.get("status") === "resolved");
  const [resolved] = await queryRows<{ total: number }>(
    `SELECT count(*)::int AS total FROM incidents i
     WHERE i.created_at >= '2026-07-01T00:00:00Z' AND i.created_at < '2026-10-01T00:00:00Z'
       AND i.status = 'resolved'
       AND EXISTS (SELECT 1 FROM incident_teams it JOIN teams t ON t.id = it.team_id
                   WHERE it.incident_id = i.id AND t.name = $1)`,
    [teamName],
  );
  await expect(page.getByTestId("incident-total")).toHaveText(count(resolved?.total ?? -1));

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/incidents-phone.png", fullPage: true });
  // Nothing but the table scrolls sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("an incident shows its clock as stored, and an override and impact start persist", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  // A monitoring incident of the quarter with an acknowledgement and no impact start.
  const [incident] = await queryRows<{
    id: number;
    number: number;
    createdAt: Date;
    acknowledgedAt: Date;
    resolvedAt: Date | null;
    rule: string;
  }>(
    `SELECT id, number, created_at AS "createdAt", acknowledged_at AS "acknowledgedAt",
       resolved_at AS "resolvedAt", detection_rule AS rule
     FROM incidents
     WHERE created_at >= '2026-07-01T00:00:00Z' AND created_at < '2026-10-01T00:00:00Z'
       AND detection_source = 'monitoring' AND started_at IS NULL AND acknowledged_at IS NOT NULL
       AND NOT resolved_by_merge
     ORDER BY created_at DESC LIMIT 1`,
  );
  if (!incident) throw new Error("The demo seed has no monitoring incident in the quarter.");

  // Found by its number in the list's search, then opened from there.
  await page.goto(`/incidents?${RANGE}&tz=UTC&q=%23${incident.number}`);
  await expect(page.getByTestId("incident-total")).toHaveText("1");
  await page.getByRole("link", { name: new RegExp(`^#${incident.number} `) }).click();
  await page.waitForURL(new RegExp(`/incidents/${incident.id}\\?`));
  await expect(page.getByTestId("clock-created")).toHaveText(dateTime(incident.createdAt, "UTC"));
  await expect(page.getByTestId("clock-acknowledged")).toHaveText(
    dateTime(incident.acknowledgedAt, "UTC"),
  );
  await expect(page.getByTestId("clock-started")).toHaveText("—");
  await expect(page.getByTestId("duration-detect-reason")).toHaveText(
    "Not counted: no impact start recorded",
  );
  await expect(page.getByTestId("detection-rule")).toHaveText(`Rule: ${incident.rule}`);

  // The same clock read in New York.
  const zone = "America/New_York";
  await page.goto(`/incidents/${incident.id}?tz=${zone}`);
  await expect(page.getByTestId("clock-created")).toHaveText(dateTime(incident.createdAt, zone));
  if (incident.resolvedAt) {
    await expect(page.getByTestId("clock-resolved")).toHaveText(
      dateTime(incident.resolvedAt, zone),
    );
  }

  // Customer-reported, impact 12 minutes before creation, entered on New York's wall clock.
  const customerBefore = (await (
    await page.request.get(`/api/metrics/incidents?${RANGE}&tz=UTC`)
  ).json()) as { detection: { customer: number } };
  const start = new Date(incident.createdAt.getTime() - 12 * 60_000);
  const local = new Date(start.toLocaleString("en-US", { timeZone: zone }));
  const localValue = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}`;
  await page.getByLabel(`Impact start (${zone})`).fill(localValue);
  await page.getByLabel("Detection override").selectOption({ label: "Customer" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText(/Saved/);
  await expect(page.getByTestId("detection-rule")).toHaveText("Rule: manual override");
  await expect(page.getByTestId("duration-detect")).toHaveText("12 min 0 s");
  await expect(page.getByTestId("clock-started")).toHaveText(dateTime(start, zone));

  const [stored] = await queryRows<{
    startedAt: Date;
    source: string;
    override: string;
    via: string;
  }>(
    `SELECT started_at AS "startedAt", started_at_source AS via, detection_source::text AS source,
       detection_override::text AS override FROM incidents WHERE id = $1`,
    [incident.id],
  );
  expect(stored).toEqual({
    startedAt: start,
    via: "manual",
    source: "customer",
    override: "customer",
  });
  const customerAfter = (await (
    await page.request.get(`/api/metrics/incidents?${RANGE}&tz=UTC`)
  ).json()) as { detection: { customer: number } };
  expect(customerAfter.detection.customer).toBe(customerBefore.detection.customer + 1);

  await page.reload();
  await expect(page.getByTestId("detection-rule")).toHaveText("Rule: manual override");
  await expect(page.getByLabel("Detection override")).toHaveValue("customer");
  await expect(page.getByTestId("clock-started")).toHaveText(dateTime(start, zone));
  await page.screenshot({
    path: "test-results/screens/incident-detail-desktop.png",
    fullPage: true,
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/incident-detail-phone.png", fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // A PagerDuty id in the address resolves to the incident's own address.
  const [ids] = await queryRows<{ pagerdutyId: string }>(
    `SELECT pagerduty_id AS "pagerdutyId" FROM incidents WHERE id = $1`,
    [incident.id],
  );
  await page.goto(`/incidents/${ids?.pagerdutyId}`);
  await page.waitForURL(new RegExp(`/incidents/${incident.id}$`));
});

test("an empty database says how to load incidents", async ({ page }) => {
  await emptyE2eDatabase();
  await page.goto(`/incidents?${RANGE}&tz=UTC`);
  await expect(page.getByRole("heading", { name: "No incidents yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Data page" })).toBeVisible();
});

import { expect, test } from "@playwright/test";
import { emptyE2eDatabase, queryRows, seedDemoOrganisation } from "./fixtures/database";

const format = (value: number) => new Intl.NumberFormat("en").format(value);

test("the home page shows the seeded organisation with its real totals", async ({ page }) => {
  const summary = await seedDemoOrganisation();
  const [counts] = await queryRows<{ incidents: number; pages: number; people: number }>(
    "SELECT (SELECT count(*) FROM incidents)::int AS incidents, (SELECT count(*) FROM pages)::int AS pages, (SELECT count(*) FROM people)::int AS people",
  );
  expect(counts?.incidents).toBe(summary.incidents);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your organisation" })).toBeVisible();
  await expect(page.getByTestId("total-teams")).toHaveText(format(summary.teams));
  await expect(page.getByTestId("total-people")).toHaveText(format(summary.people));
  await expect(page.getByTestId("total-incidents")).toHaveText(format(summary.incidents));
  await expect(page.getByTestId("total-pages")).toHaveText(format(summary.pages));

  // Each team row: its incident count as stored.
  const teams = await queryRows<{ name: string; incidents: number }>(
    "SELECT t.name, count(it.incident_id)::int AS incidents FROM teams t LEFT JOIN incident_teams it ON it.team_id = t.id GROUP BY t.name ORDER BY t.name",
  );
  const rows = page.getByRole("table", { name: "Teams" }).getByRole("row");
  await expect(rows).toHaveCount(teams.length + 1);
  for (const team of teams) {
    const row = rows.filter({ has: page.getByRole("rowheader", { name: team.name, exact: true }) });
    await expect(row.getByRole("cell").last()).toHaveText(format(team.incidents));
  }
  await page.screenshot({ path: "test-results/screens/home-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/home-phone.png", fullPage: true });
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

import { formatCount, formatGini, formatHours } from "../lib/client/format";
import type { Report } from "../lib/shared/report";
import { emptyE2eDatabase, queryRows, seedDemoOrganisation } from "./fixtures/database";
import { type APIRequestContext, expect, type Page, test } from "./fixtures/test";

const RANGE = "from=2026-07-01&to=2026-10-01&tz=UTC";
const RISK_LABEL = { high: "High", medium: "Medium", low: "Low" } as const;
const RISK_RANK = { high: 2, medium: 1, low: 0 } as const;
// The people table's cells after the name: risk, on-call hours, interval, streak, business, off,
// sleep, wake-ups, TOIL owed, rest breaches.
const CELL = { risk: 0, onCallHours: 1, wakeups: 7, owed: 8, restBreaches: 9 } as const;

type Person = Report["people"][number];
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const interruptionsOf = (report: Report) =>
  sum(
    report.people.map(
      ({ interruptions }) => interruptions.business + interruptions.off + interruptions.sleep,
    ),
  );

async function reportFor(request: APIRequestContext, query: string): Promise<Report> {
  const response = await request.get(`/api/report?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Report;
}

const personRow = (page: Page, person: Person) =>
  page
    .getByTestId("person-row")
    .filter({ has: page.getByRole("rowheader").getByText(person.name, { exact: true }) });

test.describe("team health", () => {
  let team: { id: number; name: string };

  test.beforeAll(async () => {
    await seedDemoOrganisation();
    // Payments: a healthy weekly rotation except one engineer covering three weeks in a row.
    const [payments] = await queryRows<{ id: number; name: string }>(
      "SELECT id, name FROM teams WHERE name = 'Payments'",
    );
    if (!payments) throw new Error("The demo organisation has no Payments team");
    team = payments;
  });

  test("shows the report's numbers for the team, sorted by risk", async ({ page, request }) => {
    test.setTimeout(180_000);
    const report = await reportFor(request, `${RANGE}&team=${encodeURIComponent(team.name)}`);
    expect(report.people.length).toBeGreaterThan(1);

    await page.goto(`/teams/${team.id}?${RANGE}`);
    await expect(page.getByRole("heading", { level: 1, name: team.name })).toBeVisible();
    await expect(page).toHaveTitle(`${team.name} · Fairshift`);
    const rows = page.getByTestId("person-row");
    await expect(rows).toHaveCount(report.people.length, { timeout: 90_000 });

    for (const person of report.people) {
      const cells = personRow(page, person).getByRole("cell");
      await expect(cells.nth(CELL.wakeups)).toHaveText(formatCount(person.wakeups));
      await expect(cells.nth(CELL.owed)).toHaveText(formatHours(person.toil.owedHours));
      await expect(cells.nth(CELL.restBreaches)).toHaveText(formatCount(person.restBreaches));
      await expect(cells.nth(CELL.risk).locator(".risk")).toHaveText(
        RISK_LABEL[person.burnoutRisk.level],
      );
      for (const reason of person.burnoutRisk.reasons) {
        await expect(cells.nth(CELL.risk)).toContainText(reason);
      }
    }

    // Names link to the person page on the same period.
    const linked = report.people[0];
    if (linked) {
      await expect(
        personRow(page, linked).getByRole("link", { name: linked.name, exact: true }),
      ).toHaveAttribute(
        "href",
        `/people/${encodeURIComponent(linked.pagerdutyId ?? linked.email ?? "")}?${RANGE}`,
      );
    }

    // Default order: risk, high first, then wake-ups, most first.
    const expectedFirst = [...report.people].sort(
      (a, b) =>
        RISK_RANK[b.burnoutRisk.level] - RISK_RANK[a.burnoutRisk.level] ||
        b.wakeups - a.wakeups ||
        a.name.localeCompare(b.name),
    )[0];
    await expect(rows.first().getByRole("rowheader")).toContainText(expectedFirst?.name ?? "");
    const peopleTable = page.getByTestId("people-table");
    await expect(peopleTable.getByRole("columnheader", { name: /Burnout risk/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );

    // Sorting by a heading: on-call hours, most first, then least first.
    const hoursHeader = peopleTable.getByRole("columnheader", { name: /On-call hours/ });
    await hoursHeader.getByRole("button").click();
    await expect(hoursHeader).toHaveAttribute("aria-sort", "descending");
    const mostOnCall = [...report.people].sort((a, b) => b.onCall.hours - a.onCall.hours)[0];
    await expect(rows.first().getByRole("cell").nth(CELL.onCallHours)).toHaveText(
      formatHours(mostOnCall?.onCall.hours ?? 0),
    );
    await hoursHeader.getByRole("button").click();
    await expect(hoursHeader).toHaveAttribute("aria-sort", "ascending");
    const leastOnCall = [...report.people].sort((a, b) => a.onCall.hours - b.onCall.hours)[0];
    await expect(rows.first().getByRole("cell").nth(CELL.onCallHours)).toHaveText(
      formatHours(leastOnCall?.onCall.hours ?? 0),
    );

    // Fairness: the three Gini values and the rotation size, as formatted by lib/client/format.
    const teamRow = report.teams.find((row) => row.name === team.name);
    if (!teamRow) throw new Error("The report has no row for the team");
    await expect(page.getByTestId("gini-onCallHours")).toHaveText(
      formatGini(teamRow.fairness.onCallHoursGini),
    );
    await expect(page.getByTestId("gini-interruptions")).toHaveText(
      formatGini(teamRow.fairness.interruptionsGini),
    );
    await expect(page.getByTestId("gini-weekendHolidayHours")).toHaveText(
      formatGini(teamRow.fairness.weekendHolidayHoursGini),
    );
    await expect(page.getByTestId("rotation-members")).toContainText(
      `Across ${formatCount(teamRow.members.length)} rotation`,
    );
    await expect(page.getByTestId("member-shares").getByRole("row")).toHaveCount(
      teamRow.members.length + 1,
    );

    // Heatmap: the cells add up to the report's interruptions.
    const total = interruptionsOf(report);
    expect(total).toBeGreaterThan(0);
    await expect(page.getByTestId("heatmap-total")).toHaveText(formatCount(total), {
      timeout: 90_000,
    });
    const cellCounts = await page
      .getByTestId("heatmap-grid")
      .locator("td[data-count]")
      .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute("data-count"))));
    expect(cellCounts).toHaveLength(168);
    expect(sum(cellCounts)).toBe(total);

    // Noise, the alert budget and paging tests, from the same report.
    await expect(page.getByTestId("alert-budget")).toContainText(
      `${formatCount(report.offHoursAlertBudget.used)} of ${formatCount(report.offHoursAlertBudget.allowed)}`,
    );
    const noisiest = report.services[0];
    if (noisiest) {
      const serviceRow = page
        .getByTestId("noisiest-services")
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: noisiest.name ?? "No service" }) });
      await expect(serviceRow.getByRole("cell").first()).toHaveText(
        formatCount(noisiest.incidents),
      );
    }
    const withBreaches = report.people.filter((person) => person.restBreaches > 0);
    await expect(page.getByTestId("recovery-list").locator("li")).toHaveCount(withBreaches.length);

    await page.screenshot({ path: "test-results/screens/team-desktop.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // Nothing wider than the phone outside a scrolling table (charts resize a frame later, so
    // poll); names what sticks out if it fails.
    const stickingOut = () =>
      page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const outside = (element: Element | null) =>
          element !== null && element.getBoundingClientRect().right > width + 1;
        return [...document.querySelectorAll("body *")]
          .filter((element) => outside(element) && !outside(element.parentElement))
          .filter(
            (element) => getComputedStyle(element.parentElement ?? element).overflowX === "visible",
          )
          .map(
            (element) =>
              `${element.tagName}.${element.className}: ${element.textContent?.slice(0, 40)}`,
          );
      });
    await expect.poll(stickingOut).toEqual([]);
    await expect
      .poll(() =>
        page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      )
      .toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screens/team-phone.png", fullPage: true });
  });

  test("shows the heatmap and the Lorenz curve as tables", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/teams/${team.id}?${RANGE}`);
    const heatmapCard = page.locator("section.chart-card", {
      has: page.getByRole("heading", { name: "Interruptions by local hour and weekday" }),
    });
    await expect(heatmapCard.getByTestId("heatmap-total")).toBeVisible({ timeout: 90_000 });
    const total = await heatmapCard.getByTestId("heatmap-total").textContent();
    await heatmapCard.getByRole("button", { name: "Show as table" }).click();
    const table = heatmapCard.getByRole("table", {
      name: "Interruptions by local hour (rows) and weekday (columns)",
    });
    await expect(table).toBeVisible();
    await expect(table.locator("tbody tr")).toHaveCount(24);
    await expect(table.locator("tfoot td").last()).toHaveText(total ?? "");
    await heatmapCard.getByRole("button", { name: "Show as chart" }).click();
    await expect(heatmapCard.getByTestId("heatmap-grid")).toBeVisible();

    const lorenzCard = page.locator("section.chart-card", {
      has: page.getByRole("heading", { name: /Lorenz curve/ }),
    });
    await lorenzCard.getByLabel("Load").selectOption("interruptions");
    await expect(
      lorenzCard.getByRole("heading", { name: "Lorenz curve: off-hours interruptions" }),
    ).toBeVisible();
    await lorenzCard.getByRole("button", { name: "Show as table" }).click();
    await expect(
      lorenzCard.getByRole("table", { name: "Lorenz curve of off-hours interruptions" }),
    ).toBeVisible();
  });

  test("keeps a new range in the URL across a reload", async ({ page, request }) => {
    test.setTimeout(180_000);
    await page.goto(`/teams/${team.id}?${RANGE}`);
    await expect(page.getByTestId("person-row").first()).toBeVisible({ timeout: 90_000 });
    const filters = page.getByRole("form", { name: "Filters" });
    await filters.getByLabel("From").fill("2026-08-01");
    await filters.getByLabel("To (exclusive)").fill("2026-09-01");
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/from=2026-08-01&to=2026-09-01&tz=UTC/);
    expect(new URL(page.url()).pathname).toBe(`/teams/${team.id}`);

    const august = await reportFor(
      request,
      `from=2026-08-01&to=2026-09-01&tz=UTC&team=${encodeURIComponent(team.name)}`,
    );
    const check = async () => {
      await expect(page.getByLabel("From")).toHaveValue("2026-08-01");
      await expect(page.getByTestId("person-row")).toHaveCount(august.people.length, {
        timeout: 90_000,
      });
      await expect(page.getByTestId("heatmap-total")).toHaveText(
        formatCount(interruptionsOf(august)),
        { timeout: 90_000 },
      );
      const person = august.people[0];
      if (person) {
        await expect(personRow(page, person).getByRole("cell").nth(CELL.wakeups)).toHaveText(
          formatCount(person.wakeups),
        );
      }
    };
    await check();
    await page.reload();
    await check();
  });

  test("answers an unknown team with the not-found page", async ({ page }) => {
    for (const id of ["999999", "payments"]) {
      const response = await page.goto(`/teams/${id}?${RANGE}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    }
  });

  test("lists every team with its counts and links to its page", async ({ page }) => {
    test.setTimeout(120_000);
    const teams = await queryRows<{ id: number; name: string; people: number; incidents: number }>(
      `SELECT t.id, t.name,
         (SELECT count(*) FROM team_memberships m WHERE m.team_id = t.id)::int AS people,
         (SELECT count(*) FROM incident_teams it JOIN incidents i ON i.id = it.incident_id
           WHERE it.team_id = t.id AND i.detection_source <> 'test'
             AND i.created_at >= '2026-07-01T00:00:00Z' AND i.created_at < '2026-10-01T00:00:00Z')::int AS incidents
       FROM teams t ORDER BY lower(t.name)`,
    );
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Teams" })
      .click();
    await expect(page).toHaveURL(/\/teams(\?|$)/);
    await page.goto(`/teams?${RANGE}`);
    const rows = page.getByTestId("teams-table").locator("tbody tr");
    await expect(rows).toHaveCount(teams.length);
    for (const [index, row] of teams.entries()) {
      const cells = rows.nth(index).getByRole("cell");
      await expect(rows.nth(index).getByRole("rowheader")).toHaveText(row.name);
      await expect(cells.first()).toHaveText(formatCount(row.people));
      await expect(cells.last()).toHaveText(formatCount(row.incidents));
    }
    await page.screenshot({ path: "test-results/screens/teams-desktop.png", fullPage: true });
    await page.getByRole("link", { name: team.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/teams/${team.id}\\?${RANGE}`));
    await expect(page.getByRole("heading", { level: 1, name: team.name })).toBeVisible();
  });
});

test("an empty database shows an empty Teams index", async ({ page }) => {
  await emptyE2eDatabase();
  await page.goto("/teams");
  await expect(page.getByRole("heading", { name: "No teams yet" })).toBeVisible();
  await expect(page.getByText("npx fairshift seed")).toBeVisible();
});

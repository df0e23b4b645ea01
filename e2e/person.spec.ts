import { formatCount, formatHours, formatTimeInLieuHours } from "../lib/client/format";
import type { Report } from "../lib/shared/report";
import { emptyE2eDatabase, seedDemoOrganisation } from "./fixtures/database";
import { type APIRequestContext, expect, type Page, test } from "./fixtures/test";

type Person = Report["people"][number];
const Q3 = "from=2026-07-01&to=2026-10-01&tz=UTC";
const RISK_LABEL = { high: "High", medium: "Medium", low: "Low" } as const;

async function reportFor(request: APIRequestContext, query: string): Promise<Report> {
  const response = await request.get(`/api/report?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Report;
}

const keyOf = (person: Person) => person.pagerdutyId ?? person.email ?? "";
const rowOf = (report: Report, key: string) =>
  report.people.find((person) => keyOf(person) === key);

/** The summary tiles against the report row, formatted as the dashboard formats numbers. */
async function expectTilesToMatch(page: Page, person: Person) {
  const tile = (id: string) => page.getByTestId(`tile-${id}`);
  await expect(tile("on-call-hours")).toHaveText(formatHours(person.onCall.hours));
  await expect(tile("on-call-weeks")).toHaveText(formatCount(person.onCall.weeks));
  await expect(tile("interruptions-business")).toHaveText(
    formatCount(person.interruptions.business),
  );
  await expect(tile("interruptions-off")).toHaveText(formatCount(person.interruptions.off));
  await expect(tile("interruptions-sleep")).toHaveText(formatCount(person.interruptions.sleep));
  await expect(tile("wakeups")).toHaveText(formatCount(person.wakeups));
  await expect(tile("off-hours-callouts")).toHaveText(formatCount(person.offHoursCallouts));
  await expect(tile("rest-breaches")).toHaveText(formatCount(person.restBreaches));
  await expect(tile("toil-owed")).toHaveText(formatHours(person.toil.owedHours));
  await expect(tile("burnout-risk")).toHaveText(RISK_LABEL[person.burnoutRisk.level]);
}

test.describe("person screen", () => {
  let report: Report;
  let person: Person;

  test.beforeAll(async ({ request }) => {
    test.setTimeout(180_000);
    await seedDemoOrganisation();
    report = await reportFor(request, Q3);
    // The engineer woken most often in Q3 (ties by name), so every section has something in it.
    const [mostWoken] = report.people
      .filter((candidate) => candidate.wakeups > 0)
      .sort((a, b) => b.wakeups - a.wakeups || a.name.localeCompare(b.name));
    if (!mostWoken) throw new Error("Nobody was woken in Q3 of the demo organisation");
    person = mostWoken;
  });

  test("shows the person's report row, timeline and ledger for Q3", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`/people/${encodeURIComponent(keyOf(person))}?${Q3}`);
    await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible({
      timeout: 90_000,
    });
    await expect(page).toHaveTitle(`${person.name} · Fairshift`);
    await expect(page.getByTestId("person-time-zone")).toContainText(person.timeZone);
    await expectTilesToMatch(page, person);
    for (const reason of person.burnoutRisk.reasons) {
      await expect(page.getByText(reason, { exact: true })).toBeVisible();
    }

    // The calendar's list view ends with the same on-call hours.
    await page
      .getByRole("region", { name: "On-call calendar" })
      .getByRole("button", { name: "Show as table" })
      .click();
    await expect(page.getByTestId("shifts-total-hours")).toHaveText(
      formatHours(person.onCall.hours),
    );

    // The timeline lists every interruption the report counts, once all call-outs are shown.
    const interruptions =
      person.interruptions.business + person.interruptions.off + person.interruptions.sleep;
    const showAll = page.getByRole("button", { name: /^Show all \d+$/ });
    if (await showAll.isVisible()) await showAll.click();
    await expect(page.getByTestId("timeline-interruption")).toHaveCount(interruptions);
    // Wake-ups are the call-outs starting in the range in the sleep band.
    await expect(
      page.locator('[data-testid="call-out"][data-wake-up="true"][data-counted="true"]'),
    ).toHaveCount(person.wakeups);
    const firstIncident = page.getByTestId("timeline-interruption").first().getByRole("link");
    await expect(firstIncident.first()).toHaveAttribute("href", /^\/incidents\/\d+$/);

    // The ledger as of the range's end owes what the report says.
    await expect(page.getByTestId("ledger-owed")).toHaveText(
      formatTimeInLieuHours(person.toil.owedHours),
    );
    // An admin reads the ledger but neither claims from it nor adjusts it (not their team's manager).
    await expect(page.getByRole("heading", { name: "Claim time off" })).toHaveCount(0);
    await expect(page.getByText("History of changes (audit trail)")).toBeVisible();

    // Back to the first page of call-outs for a screenshot of a normal visit.
    await page.reload();
    await expect(page.getByTestId("tile-wakeups")).toHaveText(formatCount(person.wakeups));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: "test-results/screens/person-desktop.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId("tile-wakeups")).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page.screenshot({ path: "test-results/screens/person-phone.png", fullPage: true });
  });

  test("keeps a changed range in the URL across a reload", async ({ page, request }) => {
    test.setTimeout(180_000);
    const august = "from=2026-08-01&to=2026-09-01&tz=UTC";
    const key = keyOf(person);
    await page.goto(`/people/${encodeURIComponent(key)}?${Q3}`);
    await expect(page.getByTestId("tile-wakeups")).toHaveText(formatCount(person.wakeups), {
      timeout: 90_000,
    });

    // Typing before the filters hydrate would be reset by React: wait until they are live.
    await page.locator('form[aria-label="Filters"][data-hydrated="true"]').waitFor();
    await page.getByLabel("From").fill("2026-08-01");
    await page.getByLabel("To (exclusive)").fill("2026-09-01");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`\\?${august.replaceAll("/", "\\/")}$`));

    const augustRow = rowOf(await reportFor(request, august), key);
    if (!augustRow) throw new Error(`${person.name} has no activity in August`);
    await expectTilesToMatch(page, augustRow);
    await page.reload();
    await expect(page.getByLabel("From")).toHaveValue("2026-08-01");
    await expect(page.getByLabel("To (exclusive)")).toHaveValue("2026-09-01");
    await expectTilesToMatch(page, augustRow);
  });

  test("answers not found for an unknown person, and for anyone in an empty database", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const unknown = await page.goto(`/people/nobody%40example.com?${Q3}`);
    expect(unknown?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

    const key = keyOf(person);
    await emptyE2eDatabase();
    const emptied = await page.goto(`/people/${encodeURIComponent(key)}?${Q3}`);
    expect(emptied?.status()).toBe(404);
  });
});

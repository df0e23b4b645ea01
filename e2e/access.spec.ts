import { createE2eAccount, E2E_PASSWORD } from "./fixtures/accounts";
import { e2eDatabaseUrl, queryRows, seedDemoOrganisation } from "./fixtures/database";
import { expect, type Page, test } from "./fixtures/test";

const RANGE = "from=2026-07-01&to=2026-10-01&tz=UTC";

interface Member {
  id: number;
  name: string;
  email: string;
  teamId: number;
}

/** Signs in through the sign-in screen, as a person would. */
async function signIn(page: Page, email: string, next = "/") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

test.describe("access by role", () => {
  // Each test signs in as someone else in a fresh browser context.
  test.use({ storageState: { cookies: [], origins: [] } });

  let engineer: Member;
  let colleague: Member;
  let otherTeam: { id: number; name: string };

  test.beforeAll(async () => {
    await seedDemoOrganisation();
    const members = await queryRows<Member>(
      `SELECT p.id, p.name, p.email, m.team_id AS "teamId"
       FROM people p JOIN team_memberships m ON m.person_id = p.id JOIN teams t ON t.id = m.team_id
       WHERE t.name = 'Payments' AND p.email IS NOT NULL ORDER BY p.id LIMIT 2`,
    );
    const [first, second] = members;
    if (!first || !second) throw new Error("The demo organisation has no two Payments members");
    [engineer, colleague] = [first, second];
    const [team] = await queryRows<{ id: number; name: string }>(
      "SELECT id, name FROM teams WHERE name <> 'Payments' ORDER BY id LIMIT 1",
    );
    if (!team) throw new Error("The demo organisation has only one team");
    otherTeam = team;
    // Linked by e-mail: the account becomes this person's, with the engineer role.
    await createE2eAccount(e2eDatabaseUrl(), engineer.email, []);
  });

  test("a signed-out visitor is sent to sign in, and back where they were going", async ({
    page,
  }) => {
    await page.goto(`/teams?${RANGE}`);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fteams/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/sign-in-desktop.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/screens/sign-in-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    const api = await page.request.get(`/api/report?${RANGE}`);
    expect(api.status()).toBe(401);

    await page.getByLabel("E-mail").fill(engineer.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText(
      "That e-mail and password do not match an account.",
    );
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/teams\?from=2026-07-01/);
  });

  test("an engineer sees their own data and team, and is refused everyone else's", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, engineer.email, `/?${RANGE}`);
    // Their team by default, no "All teams", no Data or Accounts in the navigation.
    await expect(page.getByRole("combobox", { name: "Team", exact: true })).toHaveValue("Payments");
    await expect(page.getByRole("option", { name: "All teams" })).toHaveCount(0);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Data" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "My time in lieu" })).toBeVisible();
    await expect(page.getByTestId("account-roles")).toHaveText("Engineer");

    // Their own person page works; a colleague's does not exist for them.
    await page.goto(`/people/${engineer.id}?${RANGE}`);
    await expect(page.getByRole("heading", { level: 1, name: engineer.name })).toBeVisible();
    await page.goto(`/people/${colleague.id}?${RANGE}`);
    await expect(page.getByRole("heading", { name: colleague.name })).toHaveCount(0);
    await expect(page.getByText(/not found/i).first()).toBeVisible();

    // Another team and the admin's screens say "No access".
    await page.goto(`/teams/${otherTeam.id}?${RANGE}`);
    await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
    await expect(page.getByText("You have no access to this team.")).toBeVisible();
    await expect(page.getByText(otherTeam.name)).toHaveCount(0);
    await page.goto("/data");
    await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();

    // The API refuses the same things, with messages.
    const organisation = await page.request.get(`/api/report?${RANGE}`);
    expect(organisation.status()).toBe(403);
    expect((await organisation.json()).error.message).toMatch(/You can see Payments/);
    const other = await page.request.get(
      `/api/report?${RANGE}&team=${encodeURIComponent(otherTeam.name)}`,
    );
    expect(other.status()).toBe(403);
    const ledger = await page.request.get(`/api/people/${colleague.id}/time-in-lieu`);
    expect(ledger.status()).toBe(404);
    const own = await page.request.get(`/api/people/${engineer.id}/time-in-lieu`);
    expect(own.status()).toBe(200);
    const team = await page.request.get(`/api/report?${RANGE}&team=Payments`);
    expect(team.status()).toBe(200);
    const report = (await team.json()) as { people: { email: string | null }[] };
    expect(report.people.map((person) => person.email)).toEqual([engineer.email]);

    // A forged cross-site change is refused even with the session cookie.
    const forged = await page.request.post("/api/notifications/read", {
      headers: { origin: "https://evil.example" },
      data: {},
    });
    expect(forged.status()).toBe(403);

    await page.screenshot({ path: "test-results/screens/no-access-desktop.png", fullPage: true });
  });
});

test.describe("accounts screen", () => {
  test("an admin grants a manager role, and that account then has the Approvals queue", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    await seedDemoOrganisation();
    const [member] = await queryRows<{ name: string; email: string }>(
      `SELECT p.name, p.email FROM people p
       JOIN team_memberships m ON m.person_id = p.id JOIN teams t ON t.id = m.team_id
       WHERE t.name = 'Checkout' AND p.email IS NOT NULL ORDER BY p.id LIMIT 1`,
    );
    if (!member) throw new Error("The demo organisation has no Checkout member");

    await page.goto("/accounts");
    await page.getByLabel("E-mail").fill(member.email);
    await page.getByLabel("First password (12+ characters)").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Add account" }).click();
    await expect(page.getByRole("status")).toHaveText(
      `Made ${member.email}, linked to ${member.name}.`,
    );
    const row = page.getByTestId("account-row").filter({ hasText: member.email });
    await expect(row).toContainText("Engineer");
    await row
      .getByRole("combobox", { name: `Role to grant ${member.email}` })
      .selectOption("manager");
    await row.getByRole("combobox", { name: "Team" }).selectOption({ label: "Checkout" });
    await row.getByRole("button", { name: "Grant" }).click();
    await expect(row).toContainText("Manager of Checkout");
    await page.screenshot({ path: "test-results/screens/accounts-desktop.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/screens/accounts-phone.png", fullPage: true });

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const manager = await context.newPage();
    await signIn(manager, member.email, "/approvals");
    await expect(manager.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
    await expect(manager.getByTestId("account-roles")).toHaveText("Manager of Checkout, Engineer");
    await context.close();
  });
});

import { formatTimeInLieuHours } from "../lib/client/format";
import { createE2eAccount, E2E_PASSWORD } from "./fixtures/accounts";
import { e2eDatabaseUrl, queryRows, seedDemoOrganisation } from "./fixtures/database";
import { type APIRequestContext, expect, type Page, test } from "./fixtures/test";

interface Member {
  id: number;
  name: string;
  email: string;
}

interface Ledger {
  balance: { owedHours: number; availableHours: number; pendingClaimHours: number };
}

/** The ledger as of the start of tomorrow (UTC+14 at most), so a claim for today counts. */
async function ledgerNow(request: APIRequestContext, person: Member): Promise<Ledger> {
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const response = await request.get(`/api/people/${person.id}/time-in-lieu?asOf=${tomorrow}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Ledger;
}

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

test.describe("time-in-lieu claims", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  let engineer: Member;
  let manager: Member;

  test.beforeAll(async ({ request }) => {
    await seedDemoOrganisation();
    const members = await queryRows<Member>(
      `SELECT p.id, p.name, p.email FROM people p
       JOIN team_memberships m ON m.person_id = p.id JOIN teams t ON t.id = m.team_id
       WHERE t.name = 'Payments' AND p.email IS NOT NULL ORDER BY p.id`,
    );
    // The engineer: a Payments member with between 2 h and 20 h to claim today, so that a claim
    // of more than they have is still under the 24 h a single claim may be.
    const available = await Promise.all(
      members.map(async (member) => ({ member, ledger: await ledgerNow(request, member) })),
    );
    const most = available.find(
      ({ ledger }) => ledger.balance.availableHours >= 2 && ledger.balance.availableHours <= 20,
    );
    const other = available.find((candidate) => candidate !== most);
    if (!most || !other) throw new Error("No Payments member has 2-20 h of time in lieu today");
    engineer = most.member;
    manager = other.member;
    const [payments] = await queryRows<{ id: number }>(
      "SELECT id FROM teams WHERE name = 'Payments'",
    );
    await createE2eAccount(e2eDatabaseUrl(), engineer.email, []);
    await createE2eAccount(e2eDatabaseUrl(), manager.email, [
      { role: "manager", teamId: payments?.id ?? null },
    ]);
  });

  test("an engineer claims, their manager approves, and the balance drops by the claim", async ({
    browser,
    request,
  }) => {
    test.setTimeout(240_000);
    const before = await ledgerNow(request, engineer);

    // The engineer claims 2 h for today from "My time in lieu".
    const engineerPage = await (await browser.newContext()).newPage();
    await signIn(engineerPage, engineer.email, "/");
    await engineerPage.getByRole("link", { name: "My time in lieu" }).click();
    const available = engineerPage.getByTestId("claim-available");
    await expect(available).toContainText(
      `You can claim up to ${formatTimeInLieuHours(before.balance.availableHours)} now`,
    );
    // More than is owed is refused with the amount that may be claimed, and nothing is claimed.
    await engineerPage
      .getByRole("spinbutton", { name: "Hours", exact: true })
      .fill(String(before.balance.availableHours + 0.25));
    await engineerPage.getByRole("textbox", { name: "Note (optional)" }).fill("Too much");
    await engineerPage.getByRole("button", { name: "Claim", exact: true }).click();
    await expect(engineerPage.locator(".ledger-form").getByRole("alert")).toContainText(
      formatTimeInLieuHours(before.balance.availableHours),
    );
    await engineerPage.getByRole("spinbutton", { name: "Hours", exact: true }).fill("2");
    await engineerPage
      .getByRole("textbox", { name: "Note (optional)" })
      .fill("Dentist after the night call");
    await engineerPage.getByRole("button", { name: "Claim", exact: true }).click();
    await expect(engineerPage.getByRole("status").filter({ hasText: "Claimed 2 h" })).toBeVisible();
    await expect(available).toContainText(
      `You can claim up to ${formatTimeInLieuHours(before.balance.availableHours - 2)} now (2 h already waiting`,
    );
    const pendingRow = engineerPage.getByTestId("claim-row").first();
    await expect(pendingRow).toContainText("pending");
    const pending = await ledgerNow(request, engineer);
    // Pending is shown, not deducted.
    expect(pending.balance.owedHours).toBe(before.balance.owedHours);
    expect(pending.balance.pendingClaimHours).toBe(2);

    // The manager is told, and approves it from the queue.
    const managerPage = await (await browser.newContext()).newPage();
    await signIn(managerPage, manager.email, "/approvals");
    await expect(managerPage.getByTestId("notification-count")).toHaveText("1");
    const row = managerPage.getByTestId("claim-row").filter({ hasText: engineer.name });
    await expect(row).toContainText("2 h");
    await expect(row).toContainText("Dentist after the night call");
    await row.getByRole("button", { name: "Approve" }).click();
    await expect(managerPage.getByText("No claims are waiting for a decision.")).toBeVisible();
    await expect(
      managerPage
        .getByRole("region", { name: "Recently decided" })
        .getByTestId("claim-row")
        .filter({ hasText: "Dentist after the night call" }),
    ).toContainText("approved");
    await managerPage.screenshot({
      path: "test-results/screens/approvals-desktop.png",
      fullPage: true,
    });
    await managerPage.setViewportSize({ width: 390, height: 844 });
    await managerPage.screenshot({
      path: "test-results/screens/approvals-phone.png",
      fullPage: true,
    });

    // Approved: owed drops by exactly 2 h; the engineer sees the decision and is notified.
    const after = await ledgerNow(request, engineer);
    expect(after.balance.owedHours).toBeCloseTo(before.balance.owedHours - 2, 2);
    expect(after.balance.pendingClaimHours).toBe(0);
    await engineerPage.reload();
    await expect(engineerPage.getByTestId("claim-row").first()).toContainText("approved");
    await expect(engineerPage.getByTestId("claim-row").first()).toContainText(manager.email);
    await expect(engineerPage.getByTestId("notification-count")).toHaveText("1");
    await expect(available).toContainText(
      `You can claim up to ${formatTimeInLieuHours(before.balance.availableHours - 2)} now.`,
    );
    await engineerPage
      .locator("#ledger")
      .screenshot({ path: "test-results/screens/claim-ledger-desktop.png" });
    await engineerPage.setViewportSize({ width: 390, height: 844 });
    await engineerPage
      .locator("#ledger")
      .screenshot({ path: "test-results/screens/claim-ledger-phone.png" });

    // The manager cannot claim or approve on someone else's behalf: their own claim is refused.
    const own = await managerPage.request.post(`/api/people/${engineer.id}/time-in-lieu/claims`, {
      headers: { origin: new URL(managerPage.url()).origin },
      data: { hours: 1, date: "2026-11-20", requestId: "manager-claims-for-engineer" },
    });
    expect(own.status()).toBe(403);
  });
});

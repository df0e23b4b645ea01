import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  requestAs,
  signedInAccount,
  TEST_ORIGIN,
  type TestAccount,
} from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { insertAccrual, ledgerSnapshot } from "@/lib/server/time-in-lieu/testing/ledger-fixtures";
import type { ClaimsResponse } from "@/lib/shared/time-in-lieu-api";
import { POST as adjust } from "../people/[person]/time-in-lieu/adjustments/route";
import { POST as claim } from "../people/[person]/time-in-lieu/claims/route";
import { POST as decide } from "./claims/[id]/decision/route";
import { GET as listClaims } from "./claims/route";
import { GET as exportCsv } from "./export/route";

/**
 * Every refusal of the "Bad input" list, each with its status and message, and each
 * leaving the ledger, the notifications and the audit trail exactly as they were.
 *
 * It is 11 March 2026 (UTC). Ada (Payments) accrued 3 h on 1 January (lapses 1 April); Grace,
 * who manages Payments and is on its rota, accrued 2 h on 2 February; Hal manages Search, Cy is an
 * engineer in Search.
 */
describe("the time-in-lieu workflow refuses bad input and changes nothing", () => {
  const database = useRouteTestDatabase();
  let ada: TestAccount;
  let grace: TestAccount;
  let hal: TestAccount;
  let cy: TestAccount;
  const claimIds: Record<string, number> = {};

  const claimAs = (account: TestAccount | null, person: string, body: unknown) =>
    claim(
      requestAs(account, `/api/people/${person}/time-in-lieu/claims`, { method: "POST", body }),
      {
        params: Promise.resolve({ person }),
      },
    );
  const decideAs = (account: TestAccount, id: number | string, body: unknown) =>
    decide(
      requestAs(account, `/api/time-in-lieu/claims/${id}/decision`, { method: "POST", body }),
      {
        params: Promise.resolve({ id: String(id) }),
      },
    );
  const adjustAs = (account: TestAccount, person: string, body: unknown) =>
    adjust(
      requestAs(account, `/api/people/${person}/time-in-lieu/adjustments`, {
        method: "POST",
        body,
      }),
      { params: Promise.resolve({ person }) },
    );

  /** The request is refused with this status and message, and nothing changed. */
  async function expectRefused(
    request: () => Promise<Response>,
    status: number,
    message: string,
  ): Promise<void> {
    const before = await ledgerSnapshot(database.db);
    const response = await request();
    expect({ status: response.status, message: (await response.json()).error?.message }).toEqual({
      status,
      message,
    });
    expect(await ledgerSnapshot(database.db)).toEqual(before);
  }

  beforeAll(async () => {
    const db = database.db;
    const payments = await db.team.create({ data: { name: "Payments" } });
    const search = await db.team.create({ data: { name: "Search" } });
    const person = (name: string, email: string, teamId: number) =>
      db.person.create({
        data: { name, email, timeZone: "UTC", memberships: { create: { teamId } } },
      });
    const adaPerson = await person("Ada Lovelace", "ada@example.test", payments.id);
    const gracePerson = await person("Grace Hopper", "grace@example.test", payments.id);
    await person("Cy Young", "cy@example.test", search.id);
    await insertAccrual(db, { personId: adaPerson.id, minutes: 180, at: "2026-01-01T20:00:00Z" });
    await insertAccrual(db, { personId: gracePerson.id, minutes: 120, at: "2026-02-02T20:00:00Z" });
    ada = await signedInAccount(db, { email: "ada@example.test" });
    grace = await signedInAccount(db, {
      email: "grace@example.test",
      roles: [{ role: "manager", teamId: payments.id }],
    });
    hal = await signedInAccount(db, {
      email: "hal@example.test",
      roles: [{ role: "manager", teamId: search.id }],
    });
    cy = await signedInAccount(db, { email: "cy@example.test" });
  });

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-11T09:00:00Z"));
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it("refuses a claim over what is owed on its day, and over what is owed now", async () => {
    const ask = (hours: number, date: string) =>
      claimAs(ada, "ada@example.test", { hours, date, requestId: `over-${hours}-${date}` });
    await expectRefused(
      () => ask(3.25, "2026-03-16"),
      422,
      "You can claim at most 3 h: that is what you are owed on 2026-03-16 after your pending claims.",
    );
    // January's 3 h lapse on 1 April: nothing is owed on 15 April.
    await expectRefused(
      () => ask(1, "2026-04-15"),
      422,
      "You can claim at most 0 h: that is what you are owed on 2026-04-15 after your pending claims.",
    );
    const accepted = await ask(2, "2026-03-16");
    expect(accepted.status).toBe(201);
    claimIds.first = (await accepted.json()).claim.id;
    // 3 h − the pending 2 h = 1 h.
    await expectRefused(
      () => ask(1.5, "2026-03-20"),
      422,
      "You can claim at most 1 h: that is what you are owed on 2026-03-20 after your pending claims.",
    );
    // On 10 April the hour left of January's lapsed on 1 April: a claim dated back to 25 March
    // cannot revive it.
    vi.setSystemTime(new Date("2026-04-10T09:00:00Z"));
    await expectRefused(
      () => ask(1, "2026-03-25"),
      422,
      "You can claim at most 0 h: that is what you are owed now after your pending claims.",
    );
  });

  it("refuses a claim on someone else's ledger, or on one that does not exist, alike", async () => {
    const body = { hours: 1, date: "2026-03-16", requestId: "someone-else-0001" };
    const message = "You can only claim from your own ledger.";
    await expectRefused(() => claimAs(cy, "ada@example.test", body), 403, message);
    await expectRefused(() => claimAs(grace, "ada@example.test", body), 403, message);
    await expectRefused(() => claimAs(cy, "nobody@example.test", body), 403, message);
    await expectRefused(
      () => claimAs(null, "ada@example.test", body),
      401,
      "Sign in to Fairshift first: you are signed out or your session ended.",
    );
  });

  it("refuses negative, absurd and odd hours, far-off dates and bodies that are not JSON", async () => {
    const ask = (body: Record<string, unknown>) =>
      claimAs(ada, "ada@example.test", {
        date: "2026-03-16",
        requestId: "bad-input-0001",
        ...body,
      });
    await expectRefused(() => ask({ hours: -8 }), 400, "hours: Claim more than 0 h.");
    await expectRefused(
      () => ask({ hours: 10_000 }),
      400,
      "hours: A claim is at most 24 h: claim a longer leave one day at a time.",
    );
    await expectRefused(
      () => ask({ hours: 1.1 }),
      400,
      "hours: Use quarter hours, e.g. 7.25, 7.5 or 7.75.",
    );
    await expectRefused(
      () => ask({ hours: 1, date: "2062-03-16" }),
      400,
      "date: 2062-03-16 is more than 365 days from today (2026-03-11 in UTC): choose a date within a year either way.",
    );
    await expectRefused(
      () =>
        claim(
          new Request(`${TEST_ORIGIN}/api/people/ada@example.test/time-in-lieu/claims`, {
            method: "POST",
            headers: {
              cookie: ada.cookie,
              origin: TEST_ORIGIN,
              "content-type": "application/json",
            },
            body: "{hours: 1",
          }),
          { params: Promise.resolve({ person: "ada@example.test" }) },
        ),
      400,
      "The request body is not valid JSON.",
    );
    await expectRefused(
      () => adjustAs(grace, "ada@example.test", { hours: 150, reason: "Typo" }),
      400,
      "hours: An adjustment is at most 100 h either way.",
    );
    await expectRefused(
      () => adjustAs(grace, "ada@example.test", { hours: 1 }),
      400,
      "reason: Give a reason: the engineer and the audit trail see it.",
    );
    // Ada is owed 3 h with 2 h claimed and pending: a correction can take 1 h at most.
    await expectRefused(
      () => adjustAs(grace, "ada@example.test", { hours: -5, reason: "Counted twice" }),
      422,
      "Ada Lovelace is owed 1 h on 2026-03-11 after their pending claims: an adjustment can remove at most that, not 5 h.",
    );
  });

  it("refuses a double submission of one form, also when both arrive at once", async () => {
    const body = { hours: 0.5, date: "2026-03-18", requestId: "double-0001" };
    const first = await claimAs(ada, "ada@example.test", body);
    expect(first.status).toBe(201);
    claimIds.double = (await first.json()).claim.id;
    await expectRefused(
      () => claimAs(ada, "ada@example.test", body),
      409,
      "This claim was already submitted.",
    );

    const before = await ledgerSnapshot(database.db);
    const twice = { ...body, requestId: "double-0002" };
    const responses = await Promise.all([
      claimAs(ada, "ada@example.test", twice),
      claimAs(ada, "ada@example.test", twice),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    const after = await ledgerSnapshot(database.db);
    // One claim, one audit event, one notification (to Grace): not two of each.
    expect(after.entries).toHaveLength(before.entries.length + 1);
    expect(after.auditEvents).toBe(before.auditEvents + 1);
    expect(after.notifications).toBe(before.notifications + 1);
    claimIds.concurrent = after.entries.at(-1)?.id ?? -1;
  });

  it("refuses approving, rejecting or adjusting one's own ledger", async () => {
    const own = await claimAs(grace, "grace@example.test", {
      hours: 1,
      date: "2026-03-20",
      requestId: "grace-own-0001",
    });
    expect(own.status).toBe(201);
    const id = (await own.json()).claim.id;
    await expectRefused(
      () => decideAs(grace, id, { decision: "approve" }),
      403,
      "You cannot approve your own claim. A manager of your team does that.",
    );
    await expectRefused(
      () => decideAs(grace, id, { decision: "reject", comment: "Changed my mind" }),
      403,
      "You cannot reject your own claim. A manager of your team does that.",
    );
    await expectRefused(
      () => adjustAs(grace, "grace@example.test", { hours: 8, reason: "Bonus" }),
      403,
      "You cannot adjust your own time in lieu. A manager of your team does that.",
    );
    // Nobody is left in Grace's queue for her own claim either.
    const queue = (await (
      await listClaims(requestAs(grace, "/api/time-in-lieu/claims"), undefined)
    ).json()) as ClaimsResponse;
    expect(queue.claims.map((item) => item.person.name)).toEqual([
      "Ada Lovelace",
      "Ada Lovelace",
      "Ada Lovelace",
    ]);
  });

  it("refuses a manager acting outside their team, and an engineer acting as a manager", async () => {
    const id = claimIds.first ?? -1;
    await expectRefused(
      () => decideAs(hal, id, { decision: "approve" }),
      403,
      "This person is not in a team you manage: only a manager of their team can approve or reject their claims.",
    );
    await expectRefused(
      () => decideAs(cy, id, { decision: "approve" }),
      403,
      "This person is not in a team you manage: only a manager of their team can approve or reject their claims. You manage no team.",
    );
    // Hal may not even see Ada: her ledger is "not found" to him, as everywhere.
    await expectRefused(
      () => adjustAs(hal, "ada@example.test", { hours: 1, reason: "Helped Search" }),
      404,
      'No person "ada@example.test" that you can see: engineers see their own data, managers their teams\'.',
    );
    await expectRefused(
      () =>
        exportCsv(
          requestAs(hal, "/api/time-in-lieu/export?from=2026-01-01&to=2026-04-01&team=Payments"),
          undefined,
        ),
      403,
      "You can export time in lieu only for the teams you manage: Search.",
    );
    await expectRefused(
      () =>
        exportCsv(
          requestAs(cy, "/api/time-in-lieu/export?from=2026-01-01&to=2026-04-01"),
          undefined,
        ),
      403,
      "Only an admin or a team's manager can export time in lieu for payroll.",
    );
    const halQueue = (await (
      await listClaims(requestAs(hal, "/api/time-in-lieu/claims?status=all"), undefined)
    ).json()) as ClaimsResponse;
    expect(halQueue.claims).toEqual([]);
    // Cy, an engineer, sees only his own claims (none); Ada only hers.
    const adaQueue = (await (
      await listClaims(requestAs(ada, "/api/time-in-lieu/claims"), undefined)
    ).json()) as ClaimsResponse;
    expect(adaQueue.claims.map((item) => [item.hours, item.date])).toEqual([
      [2, "2026-03-16"],
      [0.5, "2026-03-18"],
      [0.5, "2026-03-18"],
    ]);
  });

  it("refuses a rejection without a comment, an unknown claim and a second decision", async () => {
    const id = claimIds.first ?? -1;
    await expectRefused(
      () => decideAs(grace, id, { decision: "reject" }),
      400,
      "comment: Say why the claim is rejected: the engineer sees your comment.",
    );
    await expectRefused(
      () => decideAs(grace, 999_999, { decision: "approve" }),
      404,
      'No claim "999999".',
    );
    await expectRefused(
      () => decideAs(grace, "abc", { decision: "approve" }),
      404,
      'No claim "abc".',
    );

    expect((await decideAs(grace, id, { decision: "approve" })).status).toBe(200);
    await expectRefused(
      () => decideAs(grace, id, { decision: "reject", comment: "Too late" }),
      409,
      "This claim was already approved by grace@example.test on 2026-03-11.",
    );

    // Two decisions at once on one claim: the first wins, the second is told so.
    const concurrent = claimIds.concurrent ?? -1;
    const before = await ledgerSnapshot(database.db);
    const responses = await Promise.all([
      decideAs(grace, concurrent, { decision: "approve" }),
      decideAs(grace, concurrent, { decision: "reject", comment: "No" }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    const loser = responses.find((response) => response.status === 409);
    if (!loser) throw new Error("one of the two decisions must be refused");
    expect((await loser.json()).error.message).toMatch(
      /^This claim was already (approved|rejected) by grace@example\.test on 2026-03-11\.$/,
    );
    const after = await ledgerSnapshot(database.db);
    expect(after.auditEvents).toBe(before.auditEvents + 1);
    expect(after.notifications).toBe(before.notifications + 1);
  });

  it("refuses to approve a claim the ledger no longer holds, until a manager adds the time", async () => {
    // A re-derivation found January's call-out shorter: 2 h instead of 3, all taken on 16 March.
    await database.db.timeInLieuEntry.updateMany({
      where: { kind: "accrual", person: { email: "ada@example.test" } },
      data: { minutes: 120 },
    });
    const id = claimIds.double ?? -1;
    await expectRefused(
      () => decideAs(grace, id, { decision: "approve" }),
      422,
      "This claim of 0.5 h no longer fits: Ada Lovelace is owed 0 h on 2026-03-18 after their other pending and approved claims. Reject it with a comment, or add an adjustment first.",
    );
    const added = await adjustAs(grace, "ada@example.test", { hours: 1, reason: "Re-derivation" });
    expect(added.status).toBe(201);
    const approved = await decideAs(grace, id, { decision: "approve" });
    expect(approved.status).toBe(200);
    expect((await approved.json()).claim.status).toBe("approved");
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { insertAccrual } from "@/lib/server/time-in-lieu/testing/ledger-fixtures";
import { POST as markRead } from "../notifications/read/route";
import { GET as notifications } from "../notifications/route";
import { POST as adjust } from "../people/[person]/time-in-lieu/adjustments/route";
import { POST as claim } from "../people/[person]/time-in-lieu/claims/route";
import { GET as history } from "../people/[person]/time-in-lieu/history/route";
import { GET as ledger } from "../people/[person]/time-in-lieu/route";
import { POST as decide } from "./claims/[id]/decision/route";
import { GET as listClaims } from "./claims/route";
import { GET as exportCsv } from "./export/route";

type Role =
  | "signed out"
  | "no role"
  | "engineer (Ada herself)"
  | "engineer in Search"
  | "manager of Payments"
  | "manager of Search"
  | "leadership"
  | "admin";

/**
 * Every role against every time-in-lieu route, on Ada's ledger (Ada is an engineer in Payments):
 * the status each gets. Refusals say why elsewhere (ledger-refusals.int.test.ts); here the table
 * is the point. A person the viewer may not see is 404, an action they may not take 403.
 */
describe("who may use which time-in-lieu route", () => {
  const database = useRouteTestDatabase();
  const accounts = new Map<Role, TestAccount | null>();
  let claimId: number;

  const person = { params: Promise.resolve({ person: "ada@example.test" }) };
  const path = "/api/people/ada@example.test/time-in-lieu";

  async function statuses(
    call: (account: TestAccount | null, role: Role) => Promise<Response>,
  ): Promise<Record<Role, number>> {
    const result: Partial<Record<Role, number>> = {};
    for (const [role, account] of accounts) result[role] = (await call(account, role)).status;
    return result as Record<Role, number>;
  }

  beforeAll(async () => {
    const db = database.db;
    const payments = await db.team.create({ data: { name: "Payments" } });
    const search = await db.team.create({ data: { name: "Search" } });
    const ada = await db.person.create({
      data: {
        name: "Ada Lovelace",
        email: "ada@example.test",
        timeZone: "UTC",
        memberships: { create: { teamId: payments.id } },
      },
    });
    await db.person.create({
      data: {
        name: "Cy Young",
        email: "cy@example.test",
        memberships: { create: { teamId: search.id } },
      },
    });
    await insertAccrual(db, { personId: ada.id, minutes: 600, at: "2026-03-01T20:00:00Z" });
    const pending = await db.timeInLieuEntry.create({
      data: {
        personId: ada.id,
        kind: "claim",
        minutes: 60,
        occurredAt: new Date("2026-03-20T00:00:00Z"),
        status: "pending",
        sourceKey: `claim:${ada.id}:seeded-0001`,
      },
    });
    claimId = pending.id;
    accounts.set("signed out", null);
    accounts.set("no role", await signedInAccount(db));
    accounts.set(
      "engineer (Ada herself)",
      await signedInAccount(db, { email: "ada@example.test" }),
    );
    accounts.set("engineer in Search", await signedInAccount(db, { email: "cy@example.test" }));
    accounts.set(
      "manager of Payments",
      await signedInAccount(db, { roles: [{ role: "manager", teamId: payments.id }] }),
    );
    accounts.set(
      "manager of Search",
      await signedInAccount(db, { roles: [{ role: "manager", teamId: search.id }] }),
    );
    accounts.set("leadership", await signedInAccount(db, { roles: [{ role: "leadership" }] }));
    accounts.set("admin", await signedInAccount(db, { roles: [{ role: "admin" }] }));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-11T09:00:00Z"));
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it("GET …/time-in-lieu (the ledger): Ada, her team's manager and an admin", async () => {
    expect(await statuses((account) => ledger(requestAs(account, path), person))).toEqual({
      "signed out": 401,
      "no role": 404,
      "engineer (Ada herself)": 200,
      "engineer in Search": 404,
      "manager of Payments": 200,
      "manager of Search": 404,
      leadership: 404,
      admin: 200,
    });
  });

  it("GET …/time-in-lieu/history: whoever sees the ledger", async () => {
    expect(
      await statuses((account) => history(requestAs(account, `${path}/history`), person)),
    ).toEqual({
      "signed out": 401,
      "no role": 404,
      "engineer (Ada herself)": 200,
      "engineer in Search": 404,
      "manager of Payments": 200,
      "manager of Search": 404,
      leadership: 404,
      admin: 200,
    });
  });

  it("POST …/time-in-lieu/claims: only Ada herself", async () => {
    expect(
      await statuses((account, role) =>
        claim(
          requestAs(account, `${path}/claims`, {
            method: "POST",
            body: { hours: 1, date: "2026-03-23", requestId: `table-${role.replace(/\W/g, "-")}` },
          }),
          person,
        ),
      ),
    ).toEqual({
      "signed out": 401,
      "no role": 403,
      "engineer (Ada herself)": 201,
      "engineer in Search": 403,
      "manager of Payments": 403,
      "manager of Search": 403,
      leadership: 403,
      admin: 403,
    });
  });

  it("POST …/time-in-lieu/adjustments: only a manager of Ada's team", async () => {
    expect(
      await statuses((account) =>
        adjust(
          requestAs(account, `${path}/adjustments`, {
            method: "POST",
            body: { hours: 1, reason: "Access table" },
          }),
          person,
        ),
      ),
    ).toEqual({
      "signed out": 401,
      "no role": 404,
      "engineer (Ada herself)": 403,
      "engineer in Search": 404,
      "manager of Payments": 201,
      "manager of Search": 404,
      leadership: 404,
      admin: 403,
    });
  });

  it("GET /api/time-in-lieu/claims: everyone signed in, each seeing only their share", async () => {
    const seen: Partial<Record<Role, number>> = {};
    const answered = await statuses(async (account, role) => {
      const response = await listClaims(requestAs(account, "/api/time-in-lieu/claims"), undefined);
      if (response.ok) seen[role] = (await response.json()).claims.length;
      return response;
    });
    expect(answered).toEqual({
      "signed out": 401,
      "no role": 200,
      "engineer (Ada herself)": 200,
      "engineer in Search": 200,
      "manager of Payments": 200,
      "manager of Search": 200,
      leadership: 200,
      admin: 200,
    });
    // Ada's two pending claims (the seeded one and the table's): to herself, her manager, an admin.
    expect(seen).toEqual({
      "no role": 0,
      "engineer (Ada herself)": 2,
      "engineer in Search": 0,
      "manager of Payments": 2,
      "manager of Search": 0,
      leadership: 0,
      admin: 2,
    });
  });

  it("POST /api/time-in-lieu/claims/{id}/decision: only a manager of Ada's team", async () => {
    expect(
      await statuses((account) =>
        decide(
          requestAs(account, `/api/time-in-lieu/claims/${claimId}/decision`, {
            method: "POST",
            body: { decision: "approve" },
          }),
          { params: Promise.resolve({ id: String(claimId) }) },
        ),
      ),
    ).toEqual({
      "signed out": 401,
      "no role": 403,
      "engineer (Ada herself)": 403,
      "engineer in Search": 403,
      "manager of Payments": 200,
      "manager of Search": 403,
      leadership: 403,
      admin: 403,
    });
  });

  it("GET /api/time-in-lieu/export: an admin, and a manager for their own team", async () => {
    expect(
      await statuses((account) =>
        exportCsv(
          requestAs(account, "/api/time-in-lieu/export?from=2026-01-01&to=2026-04-01"),
          undefined,
        ),
      ),
    ).toEqual({
      "signed out": 401,
      "no role": 403,
      "engineer (Ada herself)": 403,
      "engineer in Search": 403,
      "manager of Payments": 200,
      "manager of Search": 200,
      leadership: 403,
      admin: 200,
    });
  });

  it("lets an admin export everyone or any team, and names what is wrong with a request", async () => {
    const admin = accounts.get("admin") ?? null;
    const csv = async (query: string) =>
      exportCsv(requestAs(admin, `/api/time-in-lieu/export?${query}`), undefined);
    const everyone = await csv("from=2026-01-01&to=2026-04-01");
    // Ada and Cy, by name: everyone in a team or with a ledger line.
    expect((await everyone.text()).split("\n").map((line) => line.split(",")[0])).toEqual([
      "person",
      "Ada Lovelace",
      "Cy Young",
      "",
    ]);
    const search = await csv("from=2026-01-01&to=2026-04-01&team=search");
    expect((await search.text()).split("\n").slice(1, -1)).toEqual([
      "Cy Young,cy@example.test,,Search,0,0,0,0,0,0,0",
    ]);
    const unknown = await csv("from=2026-01-01&to=2026-04-01&team=Nope");
    expect([unknown.status, (await unknown.json()).error.message]).toEqual([
      404,
      'No team "Nope": use its name or id.',
    ]);
    const backwards = await csv("from=2026-04-01&to=2026-01-01");
    expect([backwards.status, (await backwards.json()).error.message]).toEqual([
      400,
      "to: must be after from (from is inclusive, to exclusive).",
    ]);
  });

  it("GET /api/notifications and POST /api/notifications/read: anyone signed in, their own", async () => {
    const everyoneSignedIn = {
      "signed out": 401,
      "no role": 200,
      "engineer (Ada herself)": 200,
      "engineer in Search": 200,
      "manager of Payments": 200,
      "manager of Search": 200,
      leadership: 200,
      admin: 200,
    };
    expect(
      await statuses((account) =>
        notifications(requestAs(account, "/api/notifications"), undefined),
      ),
    ).toEqual(everyoneSignedIn);
    expect(
      await statuses((account) =>
        markRead(
          requestAs(account, "/api/notifications/read", { method: "POST", body: {} }),
          undefined,
        ),
      ),
    ).toEqual(everyoneSignedIn);
  });
});

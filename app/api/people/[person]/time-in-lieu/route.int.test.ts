import { beforeAll, describe, expect, it } from "vitest";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { GET } from "./route";

describe("GET /api/people/{person}/time-in-lieu", () => {
  const database = useRouteTestDatabase();
  let admin: TestAccount;
  let alva: TestAccount;
  let stranger: TestAccount;
  const get = (person: string, query = "", account: TestAccount | null = admin) =>
    GET(requestAs(account, `/api/people/${person}/time-in-lieu?${query}`), {
      params: Promise.resolve({ person }),
    });

  beforeAll(async () => {
    const person = await database.db.person.create({
      data: { name: "Alva Berg", email: "alva@example.com", pagerdutyId: "PALVA01" },
    });
    await database.db.person.create({ data: { name: "Olle Ek", email: "olle@example.com" } });
    admin = await signedInAccount(database.db, { roles: [{ role: "admin" }] });
    alva = await signedInAccount(database.db, { email: "alva@example.com" });
    stranger = await signedInAccount(database.db, { email: "olle@example.com" });
    await database.db.timeInLieuEntry.createMany({
      data: [
        {
          personId: person.id,
          kind: "accrual",
          minutes: 120,
          occurredAt: new Date("2026-01-10T02:00:00Z"),
          expiresAt: new Date("2026-04-10T02:00:00Z"),
          rule: "sleep band: minimum 2 h applies → 120 min",
          sourceKey: "callout:1",
        },
        {
          personId: person.id,
          kind: "claim",
          minutes: 90,
          occurredAt: new Date("2026-03-02T08:00:00Z"),
          status: "approved",
          note: "Monday morning off",
        },
      ],
    });
  });

  it("lists the lines with their rules, the replayed expiry and the balance", async () => {
    const response = await get("alva@example.com", "asOf=2026-05-01&tz=Europe/Stockholm");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.person).toMatchObject({ name: "Alva Berg", pagerdutyId: "PALVA01" });
    expect(body.asOf).toBe("2026-04-30T22:00:00.000Z");
    // 120 accrued, 90 taken, the other 30 lapse on 10 April.
    expect(
      body.lines.map((line: { kind: string; minutes: number; balanceMinutes: number }) => [
        line.kind,
        line.minutes,
        line.balanceMinutes,
      ]),
    ).toEqual([
      ["accrual", 120, 120],
      ["claim", 90, 30],
      ["expiry", 30, 0],
    ]);
    expect(body.lines[0].rule).toBe("sleep band: minimum 2 h applies → 120 min");
    expect(body.balance).toMatchObject({
      accruedMinutes: 120,
      claimedMinutes: 90,
      expiredMinutes: 30,
      owedMinutes: 0,
    });
  });

  it("finds people by PagerDuty id too, and answers 404 and 400 with messages", async () => {
    expect((await get("PALVA01", "asOf=2026-03-01")).status).toBe(200);
    const missing = await get("nobody@example.com");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toContain('No person "nobody@example.com"');
    const badDate = await get("PALVA01", "asOf=2026-02-30");
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).error.message).toBe(
      'asOf: "2026-02-30" is not a date like 2026-10-01 (read in tz).',
    );
  });

  it("shows Alva her own ledger with what she may do, hides it from another engineer, and needs a session", async () => {
    const own = await get("alva@example.com", "asOf=2026-05-01", alva);
    expect(own.status).toBe(200);
    expect((await own.json()).can).toEqual({ claim: true, adjust: false, decide: false });
    const asAdmin = await get("alva@example.com", "asOf=2026-05-01");
    // An admin sees every ledger but decides only as a manager of the person's team.
    expect((await asAdmin.json()).can).toEqual({ claim: false, adjust: false, decide: false });
    const hidden = await get("alva@example.com", "", stranger);
    expect(hidden.status).toBe(404);
    expect((await hidden.json()).error.message).toBe(
      'No person "alva@example.com" that you can see: engineers see their own data, managers their teams\'.',
    );
    expect((await get("alva@example.com", "", null)).status).toBe(401);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActivity } from "@/lib/server/queries/get-person-activity";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import type { Report } from "@/lib/shared/report";
import { GET as getReport } from "../../../report/route";
import { GET } from "./route";

let admin: TestAccount;
const get = (person: string, query: string, account: TestAccount = admin) =>
  GET(requestAs(account, `/api/people/${encodeURIComponent(person)}/activity?${query}`), {
    params: Promise.resolve({ person: encodeURIComponent(person) }),
  });

const at = (iso: string) => new Date(iso);
const QUERY = "from=2026-03-23&to=2026-04-06&tz=Europe/Stockholm";

describe("GET /api/people/{person}/activity", () => {
  const database = useRouteTestDatabase();

  beforeAll(async () => {
    const db = database.db;
    const person = await db.person.create({
      data: {
        name: "Sigrid Holm",
        email: "sigrid@example.com",
        pagerdutyId: "PSIGRID",
        timeZone: "Europe/Stockholm",
      },
    });
    // Saturday 28 March 12:00 CET → Monday 30 March 12:00 CEST across the spring-forward night.
    await db.onCallShift.create({
      data: {
        personId: person.id,
        level: 1,
        startAt: at("2026-03-28T12:00:00+01:00"),
        endAt: at("2026-03-30T12:00:00+02:00"),
        source: "shifts_csv",
        sourceKey: "sigrid:1",
      },
    });
    const incident = await db.incident.create({
      data: {
        pagerdutyId: "PINC1",
        number: 7,
        title: "Checkout errors",
        status: "resolved",
        createdAt: at("2026-03-28T23:29:00+01:00"),
        resolvedAt: at("2026-03-28T23:55:00+01:00"),
        detectionSource: "monitoring",
      },
    });
    await db.page.create({
      data: {
        personId: person.id,
        incidentId: incident.id,
        channel: "phone",
        at: at("2026-03-28T23:30:00+01:00"),
      },
    });
    admin = await signedInAccount(database.db, { roles: [{ role: "admin" }] });
  });

  it("answers the person's activity with ISO instants, summary equal to the report row", async () => {
    const response = await get("sigrid@example.com", QUERY);
    expect(response.status).toBe(200);
    const body = (await response.json()) as PersonActivity;
    expect(body.person).toMatchObject({ name: "Sigrid Holm", timeZone: "Europe/Stockholm" });
    // Saturday 23:30 local is in the sleep band: one interruption, one wake-up.
    expect(body.interruptions).toMatchObject([
      {
        start: "2026-03-28T22:30:00.000Z",
        band: "sleep",
        incidents: [{ number: 7, title: "Checkout errors" }],
      },
    ]);
    expect(body.callOuts).toMatchObject([{ isWakeUp: true, endAt: "2026-03-28T22:55:00.000Z" }]);
    expect(body.days.find((day) => day.date === "2026-03-29")?.hours).toBe(23);
    expect(body.shifts).toMatchObject([
      { start: "2026-03-28T11:00:00.000Z", end: "2026-03-30T10:00:00.000Z", hoursInRange: 47 },
    ]);

    const report = (await (
      await getReport(requestAs(admin, `/api/report?${QUERY}`), undefined)
    ).json()) as Report;
    expect(body.summary).toEqual(report.people[0]);
    expect(body.summary).toMatchObject({ wakeups: 1, onCall: { hours: 47, sleepHours: 19 } });
  });

  it("answers 404 for an unknown person and 400 for a bad zone or range", async () => {
    const missing = await get("nobody@example.com", QUERY);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toEqual({
      code: "not_found",
      message:
        'No person "nobody@example.com" that you can see: engineers see their own data, managers their teams\'.',
    });
    const badZone = await get("PSIGRID", "from=2026-03-23&to=2026-04-06&tz=Europe/Stockholmm");
    expect(badZone.status).toBe(400);
    expect((await badZone.json()).error.message).toContain(
      'tz: Unknown time zone "Europe/Stockholmm"',
    );
    const backwards = await get("PSIGRID", "from=2026-04-06&to=2026-03-23&tz=UTC");
    expect(backwards.status).toBe(400);
  });

  it("answers Sigrid her own activity and someone else the same 404 as for nobody", async () => {
    const sigrid = await signedInAccount(database.db, { email: "sigrid@example.com" });
    expect((await get("PSIGRID", QUERY, sigrid)).status).toBe(200);
    await database.db.person.create({ data: { name: "Olle", email: "olle@example.com" } });
    const olle = await signedInAccount(database.db, { email: "olle@example.com" });
    const refused = await get("PSIGRID", QUERY, olle);
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.message).toBe(
      'No person "PSIGRID" that you can see: engineers see their own data, managers their teams\'.',
    );
  });
});

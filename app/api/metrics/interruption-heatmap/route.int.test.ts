import { beforeAll, describe, expect, it } from "vitest";
import type { InterruptionHeatmapResponse } from "@/lib/server/queries/get-interruption-heatmap";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { GET as getReport } from "../../report/route";
import { GET } from "./route";

let admin: TestAccount;
const get = (query: string, account: TestAccount = admin) =>
  GET(requestAs(account, `/api/metrics/interruption-heatmap?${query}`), undefined);

describe("GET /api/metrics/interruption-heatmap", () => {
  const database = useRouteTestDatabase();

  beforeAll(async () => {
    const { db } = database;
    const team = await db.team.create({ data: { name: "Payments", pagerdutyId: "PTEAM01" } });
    const ada = await db.person.create({
      data: { name: "Ada", email: "ada@example.com", timeZone: "Europe/Stockholm" },
    });
    await db.teamMembership.create({ data: { teamId: team.id, personId: ada.id } });
    const incident = await db.incident.create({
      data: {
        pagerdutyId: "R1",
        title: "Ledger drift",
        status: "resolved",
        createdAt: new Date("2026-07-06T08:00:00Z"),
        resolvedAt: new Date("2026-07-06T08:20:00Z"),
        detectionSource: "monitoring",
      },
    });
    // Monday 6 July 2026: 10:00 in Stockholm (business), then 23:15 (sleep).
    await db.page.createMany({
      data: [
        {
          personId: ada.id,
          incidentId: incident.id,
          channel: "phone",
          at: new Date("2026-07-06T08:00:00Z"),
        },
        {
          personId: ada.id,
          incidentId: incident.id,
          channel: "push",
          at: new Date("2026-07-06T21:15:00Z"),
        },
      ],
    });
    admin = await signedInAccount(database.db, { roles: [{ role: "admin" }] });
  });

  it("answers 7 × 24 cells in Ada's zone that add up to the report's interruptions", async () => {
    const query = "from=2026-07-01&to=2026-08-01&tz=UTC&team=payments";
    const response = await get(query);
    expect(response.status).toBe(200);
    const body = (await response.json()) as InterruptionHeatmapResponse;
    expect(body.cells).toHaveLength(168);
    const filled = body.cells.filter((cell) => cell.count > 0);
    expect(filled).toEqual([
      {
        isoWeekday: 1,
        hour: 10,
        count: 1,
        band: "business",
        byBand: { business: 1, off: 0, sleep: 0 },
      },
      {
        isoWeekday: 1,
        hour: 23,
        count: 1,
        band: "sleep",
        byBand: { business: 0, off: 0, sleep: 1 },
      },
    ]);
    expect(body).toMatchObject({
      team: "payments",
      people: 1,
      total: 2,
      maxCount: 1,
      timeZones: [{ timeZone: "Europe/Stockholm", people: 1 }],
    });

    const report = await (
      await getReport(requestAs(admin, `/api/report?${query}`), undefined)
    ).json();
    expect(report.people).toHaveLength(1);
    expect(body.byBand).toEqual(report.people[0].interruptions);
  });

  it("finds the team by its PagerDuty id too", async () => {
    const body = await (await get("from=2026-07-01&to=2026-08-01&team=PTEAM01")).json();
    expect(body.total).toBe(2);
  });

  it("answers Ada, an engineer of Payments, her team's heatmap and refuses another team", async () => {
    const ada = await signedInAccount(database.db, { email: "ada@example.com" });
    const own = await get("from=2026-07-01&to=2026-08-01&team=Payments", ada);
    expect(own.status).toBe(200);
    expect((await own.json()).total).toBe(2);
    await database.db.team.create({ data: { name: "Search" } });
    expect((await get("from=2026-07-01&to=2026-08-01&team=Search", ada)).status).toBe(403);
    expect((await get("from=2026-07-01&to=2026-08-01", ada)).status).toBe(403);
  });

  it("rejects an unknown time zone with 400 and the error model", async () => {
    const response = await get("from=2026-07-01&to=2026-08-01&tz=Mars/Olympus_Mons");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain('tz: Unknown time zone "Mars/Olympus_Mons"');
  });

  it("rejects a missing or backwards range with 400", async () => {
    expect((await get("to=2026-08-01")).status).toBe(400);
    const backwards = await get("from=2026-08-01&to=2026-07-01");
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).error.message).toContain("to: must be after from");
  });
});

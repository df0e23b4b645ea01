import { beforeAll, describe, expect, it } from "vitest";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { deriveTimeInLieuAccruals } from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";
import type { Report, ReportPersonRow } from "@/lib/shared/report";
import { GET as getReport } from "../report/route";
import { DELETE as deleteHoliday } from "./holidays/[id]/route";
import { POST as postHoliday } from "./holidays/route";
import { PUT as putMetrics } from "./metrics/route";
import { POST as postPolicy } from "./time-in-lieu-policies/route";

let admin: TestAccount;
const json = (method: string, url: string, body: unknown) =>
  requestAs(admin, url, { method, body });

async function alvaOfReport(): Promise<ReportPersonRow> {
  const response = await getReport(
    requestAs(admin, "/api/report?from=2026-03-02&to=2026-03-16&tz=Europe/Stockholm"),
    undefined,
  );
  expect(response.status).toBe(200);
  const report = (await response.json()) as Report;
  const alva = report.people.find((person) => person.email === "alva@example.com");
  if (!alva) throw new Error("Alva is missing from the report");
  return alva;
}

/**
 * One hand-made person, Alva (Europe/Stockholm, so Swedish holidays; UTC+1 in March), and three
 * call-outs a person can work out on paper with the default policy (minimum 1 h off band, worked
 * time rounded up to 15 min, ×1.5 at weekends, ×2 on holidays):
 *
 * - Wed 4 March 19:00 local, resolved after 40 min: off band (business ends at 18:00) → 60 min;
 * - Sat 7 March 14:00 local, resolved after 125 min → 135 min × 1.5 = 202.5 → 203 min;
 * - Thu 12 March 21:00 local, resolved after 30 min: off band → 60 min.
 *
 * 323 min = 5.38 h in all. Each setting below is saved through its API and the report checked.
 */
describe("saving settings changes the report the way a person computes it", () => {
  const database = useRouteTestDatabase();

  beforeAll(async () => {
    const db = database.db;
    const team = await db.team.create({ data: { name: "Payments" } });
    const alva = await db.person.create({
      data: {
        name: "Alva Berg",
        email: "alva@example.com",
        timeZone: "Europe/Stockholm",
        memberships: { create: { teamId: team.id } },
      },
    });
    const service = await db.service.create({ data: { name: "Card API" } });
    const callOuts: [string, string][] = [
      ["2026-03-04T18:00:00Z", "2026-03-04T18:40:00Z"],
      ["2026-03-07T13:00:00Z", "2026-03-07T15:05:00Z"],
      ["2026-03-12T20:00:00Z", "2026-03-12T20:30:00Z"],
    ];
    for (const [index, [created, resolved]] of callOuts.entries()) {
      const incident = await db.incident.create({
        data: {
          pagerdutyId: `PINC${index}`,
          title: `Card declines spike ${index}`,
          serviceId: service.id,
          status: "resolved",
          createdAt: new Date(created),
          resolvedAt: new Date(resolved),
          detectionSource: "monitoring",
          teams: { create: { teamId: team.id, incidentCreatedAt: new Date(created) } },
        },
      });
      await db.page.create({
        data: {
          personId: alva.id,
          incidentId: incident.id,
          at: new Date(created),
          channel: "phone",
        },
      });
    }
    await deriveTimeInLieuAccruals(db, DEFAULT_METRIC_SETTINGS);
    admin = await signedInAccount(db, { roles: [{ role: "admin" }] });
  });

  it("starts from the hand count", async () => {
    const alva = await alvaOfReport();
    expect(alva.interruptions).toEqual({ business: 0, off: 3, sleep: 0 });
    expect(alva.toil.accruedHours).toBe(5.38);
  });

  it("business hours to 20:00 make the 19:00 Wednesday page a business interruption with no time in lieu", async () => {
    const response = await putMetrics(
      json("PUT", "/api/settings/metrics", { hourBands: { businessEndHour: 20 } }),
      undefined,
    );
    expect(response.status).toBe(200);
    const saved = await response.json();
    // Wednesday's call-out is gone: 2 accruals are left, 1 line deleted.
    expect(saved.timeInLieuRederived).toMatchObject({ accruals: 2, deleted: 1 });
    const alva = await alvaOfReport();
    expect(alva.interruptions).toEqual({ business: 1, off: 2, sleep: 0 });
    // 203 + 60 = 263 min.
    expect(alva.toil.accruedHours).toBe(4.38);
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { action: "settings.saved" },
    });
    expect(audit).toMatchObject({
      actorUserId: admin.userId,
      actorLabel: admin.email,
      subjectType: "settings",
      before: { hourBands: { businessEndHour: 18 } },
      after: { hourBands: { businessEndHour: 20 } },
    });
  });

  it("a weekend multiplier of 200 % doubles the Saturday accrual", async () => {
    const response = await postPolicy(
      json("POST", "/api/settings/time-in-lieu-policies", {
        teamId: null,
        effectiveFrom: "2026-03-01",
        minimumOffMinutes: 60,
        minimumSleepMinutes: 120,
        roundUpToMinutes: 15,
        capMinutes: 720,
        weekendMultiplierPercent: 200,
        holidayMultiplierPercent: 200,
        expiryDays: 90,
      }),
      undefined,
    );
    expect(response.status).toBe(201);
    expect((await response.json()).timeInLieuRederived).toMatchObject({ accruals: 2, updated: 1 });
    expect(
      await database.db.auditEvent.findFirstOrThrow({
        where: { action: "time-in-lieu-policy.saved" },
      }),
    ).toMatchObject({
      actorLabel: admin.email,
      before: null,
      after: { teamId: null, weekendMultiplierPercent: 200 },
    });
    // 135 × 2 = 270, + 60 = 330 min = 5.5 h.
    expect((await alvaOfReport()).toil.accruedHours).toBe(5.5);
  });

  it("marking Thursday 12 March a Swedish holiday doubles that evening's accrual, and removing it undoes it", async () => {
    const response = await postHoliday(
      json("POST", "/api/settings/holidays", {
        region: "se",
        date: "2026-03-12",
        name: "Company day off",
      }),
      undefined,
    );
    expect(response.status).toBe(201);
    const saved = await response.json();
    expect(saved.override).toMatchObject({ region: "SE", date: "2026-03-12", isHoliday: true });
    expect(saved.timeInLieuRederived).toMatchObject({ people: 1, accruals: 1, updated: 1 });
    // 60 × 2 = 120, + 270 = 390 min = 6.5 h.
    expect((await alvaOfReport()).toil.accruedHours).toBe(6.5);

    const removed = await deleteHoliday(
      requestAs(admin, `/api/settings/holidays/${saved.override.id}`, { method: "DELETE" }),
      { params: Promise.resolve({ id: String(saved.override.id) }) },
    );
    expect(removed.status).toBe(200);
    expect((await removed.json()).timeInLieuRederived).toMatchObject({ updated: 1 });
    expect((await alvaOfReport()).toil.accruedHours).toBe(5.5);
  });
});

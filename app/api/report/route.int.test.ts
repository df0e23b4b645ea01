import { beforeAll, describe, expect, it } from "vitest";
import { requestAs, signedInAccount, type TestAccount } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { peopleTotals } from "@/lib/shared/people-totals";
import type { ApiReport } from "@/lib/shared/report";
import { Prisma } from "@/prisma/generated/client/client";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { GET } from "./route";

let admin: TestAccount;
const get = (query: string) => GET(requestAs(admin, `/api/report?${query}`), undefined);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

// The demo organisation, cross-checked against the stored rows with independent SQL.
describe("GET /api/report on the demo seed", () => {
  const database = useRouteTestDatabase();
  const start = new Date("2026-07-01T00:00:00Z");
  const end = new Date("2026-10-01T00:00:00Z");
  let report: ApiReport;

  const count = async (query: Prisma.Sql) =>
    (await database.db.$queryRaw<{ value: number }[]>(query))[0]?.value ?? Number.NaN;

  beforeAll(async () => {
    await seedDatabase({
      databaseUrl: database.url,
      scale: "demo",
      seed: 1,
      until: new Date("2026-10-01T00:00:00Z"),
    });
    admin = await signedInAccount(database.db, { roles: [{ role: "admin" }] });
    const response = await get("from=2026-07-01&to=2026-10-01");
    expect(response.status).toBe(200);
    report = await response.json();
  }, 60_000);

  it("counts the quarter's incidents and paging tests as the table holds them", async () => {
    expect(report.incidents.count).toBe(
      await count(Prisma.sql`SELECT count(*)::int AS value FROM incidents
        WHERE created_at >= ${start} AND created_at < ${end} AND detection_source <> 'test'`),
    );
    expect(report.incidents.count).toBeGreaterThan(500);
    expect(sum(report.services.map((service) => service.incidents))).toBe(report.incidents.count);
    expect(report.pagingTests.tests).toBe(
      await count(Prisma.sql`SELECT count(*)::int AS value FROM incidents
        WHERE created_at >= ${start} AND created_at < ${end} AND detection_source = 'test'`),
    );
  });

  it("lists exactly the people with a page or a shift in the range", async () => {
    expect(report.people.length).toBe(
      await count(Prisma.sql`SELECT count(*)::int AS value FROM people p
        WHERE EXISTS (SELECT 1 FROM pages g WHERE g.person_id = p.id AND g.at >= ${start} AND g.at < ${end})
           OR EXISTS (SELECT 1 FROM on_call_shifts s WHERE s.person_id = p.id AND s.start_at < ${end} AND s.end_at > ${start})`),
    );
  });

  it("adds up on-call hours like a union of the shifts clipped to the range", async () => {
    const hours = await count(Prisma.sql`
      SELECT (coalesce(sum(extract(epoch FROM upper(r) - lower(r))), 0) / 3600)::float8 AS value
      FROM (SELECT unnest(range_agg(tstzrange(greatest(start_at, ${start}), least(end_at, ${end})))) AS r
            FROM on_call_shifts WHERE start_at < ${end} AND end_at > ${start} GROUP BY person_id) AS merged`);
    // Each person's hours are rounded to 0.01 h.
    expect(Math.abs(sum(report.people.map((person) => person.onCall.hours)) - hours)).toBeLessThan(
      0.005 * report.people.length + 1e-9,
    );
  });

  it("states time in lieu as the ledger holds it, and every statement balances", async () => {
    const accrued = await count(Prisma.sql`SELECT coalesce(sum(minutes), 0)::int AS value
      FROM time_in_lieu_entries WHERE kind = 'accrual' AND occurred_at >= ${start} AND occurred_at < ${end}`);
    const claimed = await count(Prisma.sql`SELECT coalesce(sum(minutes), 0)::int AS value
      FROM time_in_lieu_entries WHERE kind = 'claim' AND status = 'approved'
        AND occurred_at >= ${start} AND occurred_at < ${end}`);
    expect(accrued).toBeGreaterThan(0);
    const tolerance = 0.6 * report.people.length; // 0.01 h per person
    expect(
      Math.abs(sum(report.people.map((p) => p.toil.accruedHours)) * 60 - accrued),
    ).toBeLessThan(tolerance);
    expect(
      Math.abs(sum(report.people.map((p) => p.toil.claimedHours)) * 60 - claimed),
    ).toBeLessThan(tolerance);
    for (const { toil } of report.people) {
      const balance =
        toil.openingHours +
        toil.accruedHours +
        toil.adjustedHours -
        toil.claimedHours -
        toil.expiredHours;
      expect(Math.abs(balance - toil.owedHours)).toBeLessThan(0.05);
    }
  });

  it("never counts more interruptions than interrupting pages, nor more wake-ups than sleep interruptions", async () => {
    const pages = await count(Prisma.sql`SELECT count(*)::int AS value FROM pages g
      JOIN incidents i ON i.id = g.incident_id
      WHERE g.at >= ${start} AND g.at < ${end} AND g.channel IN ('phone', 'sms', 'push')
        AND i.detection_source <> 'test'`);
    const interruptions = sum(
      report.people.map(({ interruptions: i }) => i.business + i.off + i.sleep),
    );
    expect(interruptions).toBeGreaterThan(0);
    expect(interruptions).toBeLessThanOrEqual(pages);
    for (const person of report.people) {
      expect(person.wakeups).toBeLessThanOrEqual(person.interruptions.sleep);
      expect(person.offHoursCallouts).toBeLessThanOrEqual(
        person.interruptions.off + person.interruptions.sleep,
      );
    }
  });

  it("shows an admin every person row, with load totals equal to those rows added up", () => {
    expect(report.peopleShown).toBe("all");
    expect(report.load.total).toEqual(peopleTotals(report.people));
    expect(report.load.total.people).toBe(report.people.length);
    expect(Object.keys(report.load.byTeam).sort()).toEqual(
      [...new Set(report.people.flatMap((person) => person.teams))].sort(),
    );
  });

  it("rates fairness for every demo team with a rotation", () => {
    expect(report.teams.map((team) => team.name)).toEqual([
      "Checkout",
      "Data",
      "Mobile",
      "Payments",
      "Platform",
    ]);
    for (const team of report.teams) {
      for (const value of Object.values(team.fairness)) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(1);
      }
    }
  });

  it("exports CSV with a row per person and per team", async () => {
    const response = await get("from=2026-07-01&to=2026-10-01&format=csv");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="fairshift-report-2026-07-01-2026-10-01.csv"',
    );
    const lines = (await response.text()).trimEnd().split("\n");
    expect(lines[0]?.startsWith("kind,from,to,time_zone_of_report,name,email,")).toBe(true);
    expect(lines.length).toBe(1 + report.people.length + report.teams.length);
  });

  it("answers 400 with a message for a bad zone or format", async () => {
    const badZone = await get("from=2026-07-01&to=2026-10-01&tz=Europe/Stockholmm");
    expect(badZone.status).toBe(400);
    expect((await badZone.json()).error.message).toContain(
      'tz: Unknown time zone "Europe/Stockholmm"',
    );
    const badFormat = await get("from=2026-07-01&to=2026-10-01&format=xml");
    expect(badFormat.status).toBe(400);
    expect((await badFormat.json()).error.message).toBe("format: format must be json or csv.");
  });
});

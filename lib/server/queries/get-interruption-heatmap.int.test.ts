import { beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "@/lib/server/report/build-report";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";
import type { Report } from "@/lib/shared/report";
import { reportFiltersSchema } from "@/lib/shared/report-filters";
import { seedDatabase } from "@/prisma/seed/seed-database";
import {
  getInterruptionHeatmap,
  type InterruptionHeatmapResponse,
} from "./get-interruption-heatmap";

const filtersOf = (input: { from: string; to: string; timeZone?: string; team?: string }) =>
  reportFiltersSchema.parse(input);

/** The cells holding interruptions, as "weekday hour: count". */
const filledCells = (heatmap: InterruptionHeatmapResponse) =>
  heatmap.cells
    .filter((cell) => cell.count > 0)
    .map((cell) => `${cell.isoWeekday} ${String(cell.hour).padStart(2, "0")}: ${cell.count}`);

const reportInterruptions = (report: Report) =>
  report.people.reduce(
    (totals, person) => ({
      business: totals.business + person.interruptions.business,
      off: totals.off + person.interruptions.off,
      sleep: totals.sleep + person.interruptions.sleep,
    }),
    { business: 0, off: 0, sleep: 0 },
  );

describe("getInterruptionHeatmap on a hand-built team", () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    const { db } = database;
    const payments = await db.team.create({ data: { name: "Payments" } });
    const platform = await db.team.create({ data: { name: "Platform" } });
    const [ada, ben, cy] = await Promise.all([
      db.person.create({
        data: { name: "Ada", email: "ada@example.com", timeZone: "Europe/Stockholm" },
      }),
      db.person.create({
        data: { name: "Ben", email: "ben@example.com", timeZone: "America/New_York" },
      }),
      // No zone: the account zone (UTC by default) applies.
      db.person.create({ data: { name: "Cy", email: "cy@example.com" } }),
    ]);
    await db.teamMembership.createMany({
      data: [
        { teamId: payments.id, personId: ada.id },
        { teamId: payments.id, personId: ben.id },
        { teamId: platform.id, personId: cy.id },
      ],
    });
    const incident = (pagerdutyId: string, createdAt: string, detectionSource = "monitoring") =>
      db.incident.create({
        data: {
          pagerdutyId,
          title: "Card API 5xx",
          status: "resolved",
          createdAt: new Date(createdAt),
          resolvedAt: new Date(new Date(createdAt).getTime() + 600_000),
          detectionSource: detectionSource as "monitoring" | "test",
        },
      });
    const night = await incident("H1", "2026-07-15T02:30:00Z");
    const before = await incident("H2", "2026-06-30T21:00:00Z");
    const paging = await incident("H3", "2026-07-22T09:00:00Z", "test");
    const page = (personId: number, incidentId: number, at: string, channel = "push") => ({
      personId,
      incidentId,
      at: new Date(at),
      channel: channel as "push" | "sms" | "email",
    });
    await db.page.createMany({
      data: [
        // One instant, three zones: Ada Wed 04:30, Ben Tue 22:30, Cy (UTC) Wed 02:30.
        page(ada.id, night.id, "2026-07-15T02:30:00Z"),
        page(ben.id, night.id, "2026-07-15T02:30:00Z"),
        page(cy.id, night.id, "2026-07-15T02:30:00Z"),
        // An SMS 40 s later joins Ada's interruption; an e-mail never interrupts.
        page(ada.id, night.id, "2026-07-15T02:30:40Z", "sms"),
        page(ada.id, night.id, "2026-07-15T03:30:00Z", "email"),
        // Before the range (Stockholm 30 June 23:00), and a paging test: neither counts.
        page(ada.id, before.id, "2026-06-30T21:00:00Z"),
        page(ben.id, paging.id, "2026-07-22T09:00:00Z"),
        // Ben, Saturday 1 August 2026 14:00 in New York (18:00 UTC): off.
        page(ben.id, night.id, "2026-08-01T18:00:00Z", "sms"),
      ],
    });
  });

  it("bins each interruption at its local weekday and hour, per person", async () => {
    const heatmap = await getInterruptionHeatmap(
      database.db,
      filtersOf({ from: "2026-07-01", to: "2026-10-01", timeZone: "Europe/Stockholm" }),
      DEFAULT_METRIC_SETTINGS,
    );
    expect(heatmap.range).toEqual({
      from: "2026-07-01T00:00:00+02:00",
      to: "2026-10-01T00:00:00+02:00",
      timeZone: "Europe/Stockholm",
    });
    expect(heatmap.team).toBeNull();
    expect(heatmap.people).toBe(3);
    expect(filledCells(heatmap)).toEqual(["2 22: 1", "3 02: 1", "3 04: 1", "6 14: 1"]);
    expect(heatmap.total).toBe(4);
    expect(heatmap.byBand).toEqual({ business: 0, off: 1, sleep: 3 });
    expect(heatmap.timeZones).toEqual([
      { timeZone: "America/New_York", people: 1 },
      { timeZone: "Europe/Stockholm", people: 1 },
      { timeZone: "UTC", people: 1 },
    ]);
  });

  it("counts a team's members only, matched by name in any case", async () => {
    const heatmap = await getInterruptionHeatmap(
      database.db,
      filtersOf({ from: "2026-07-01", to: "2026-10-01", team: "payments" }),
      DEFAULT_METRIC_SETTINGS,
    );
    expect(heatmap.team).toBe("payments");
    expect(heatmap.people).toBe(2);
    expect(filledCells(heatmap)).toEqual(["2 22: 1", "3 04: 1", "6 14: 1"]);
  });

  it("adds up to the report's interruptions for the same filters", async () => {
    for (const team of [undefined, "Payments", "Platform"]) {
      const filters = filtersOf({ from: "2026-07-01", to: "2026-10-01", team });
      const [heatmap, report] = await Promise.all([
        getInterruptionHeatmap(database.db, filters, DEFAULT_METRIC_SETTINGS),
        buildReport(database.db, filters, DEFAULT_METRIC_SETTINGS),
      ]);
      expect(heatmap.byBand).toEqual(reportInterruptions(report));
      expect(heatmap.people).toBe(report.people.length);
    }
  });

  it("answers an all-zero grid for a range with nothing in it", async () => {
    const heatmap = await getInterruptionHeatmap(
      database.db,
      filtersOf({ from: "2025-01-01", to: "2025-02-01" }),
      DEFAULT_METRIC_SETTINGS,
    );
    expect(heatmap.people).toBe(0);
    expect(heatmap.total).toBe(0);
    expect(heatmap.cells).toHaveLength(168);
    expect(heatmap.maxCount).toBe(0);
  });
});

// Every team of the demo organisation: the heatmap's cells add up to the report's people rows.
describe("getInterruptionHeatmap on the demo seed", () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    await seedDatabase({
      databaseUrl: database.url,
      scale: "demo",
      seed: 3,
      until: new Date("2026-10-01T00:00:00Z"),
    });
  }, 120_000);

  it("equals the report's interruptions by band for each team and the whole organisation", async () => {
    const teams = await database.db.team.findMany({ select: { name: true } });
    expect(teams.length).toBeGreaterThan(1);
    for (const team of [undefined, ...teams.map(({ name }) => name)]) {
      const filters = filtersOf({
        from: "2026-07-01",
        to: "2026-10-01",
        timeZone: "Europe/Stockholm",
        team,
      });
      const [heatmap, report] = await Promise.all([
        getInterruptionHeatmap(database.db, filters, DEFAULT_METRIC_SETTINGS),
        buildReport(database.db, filters, DEFAULT_METRIC_SETTINGS),
      ]);
      const expected = reportInterruptions(report);
      expect(heatmap.byBand, team ?? "all teams").toEqual(expected);
      expect(heatmap.total).toBe(expected.business + expected.off + expected.sleep);
      expect(heatmap.cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(heatmap.total);
    }
    const all = await getInterruptionHeatmap(
      database.db,
      filtersOf({ from: "2026-07-01", to: "2026-10-01" }),
      DEFAULT_METRIC_SETTINGS,
    );
    expect(all.total).toBeGreaterThan(100);
  }, 120_000);
});

import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { getIncidentMetrics } from "@/lib/server/queries/get-incident-metrics";
import { getIncidentSeries } from "@/lib/server/queries/get-incident-series";
import { listIncidentBreakdown } from "@/lib/server/queries/list-incident-breakdown";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { incidentMeasureTables } from "./incident-measure-rollups";
import { pruneRollupChanges } from "./rollup-store";

const at = (iso: string) => new Date(iso);
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);
const july = { start: at("2026-07-01T00:00:00Z"), end: at("2026-08-01T00:00:00Z") };

describe("incident measure rollups", () => {
  const database = useTestDatabase();

  beforeEach(async () => {
    const db = database.db;
    await db.$executeRaw`TRUNCATE incidents, teams, services, incident_measure_rollups, incident_measure_changes CASCADE`;
    const team = await db.team.create({ data: { name: "Payments", pagerdutyId: "PTEAM01" } });
    const service = await db.service.create({ data: { name: "Card API", pagerdutyId: "PSVC01" } });
    // MTTR 600, 1200 and 1800 s in July; one more in August, outside every July rollup.
    const specs = [
      { id: "R1", created: "2026-07-02T10:00:00Z", resolve: 600 },
      { id: "R2", created: "2026-07-10T10:00:00Z", resolve: 1200 },
      { id: "R3", created: "2026-07-20T10:00:00Z", resolve: 1800 },
      { id: "R4", created: "2026-08-05T10:00:00Z", resolve: 60 },
    ];
    for (const spec of specs) {
      const createdAt = at(spec.created);
      await db.incident.create({
        data: {
          pagerdutyId: spec.id,
          title: `Incident ${spec.id}`,
          serviceId: service.id,
          urgency: "high",
          status: "resolved",
          createdAt,
          acknowledgedAt: plus(createdAt, 60),
          resolvedAt: plus(createdAt, spec.resolve),
          detectionSource: "monitoring",
          teams: { create: { teamId: team.id, incidentCreatedAt: createdAt } },
        },
      });
    }
  });

  const julyMetrics = () => getIncidentMetrics(database.db, { range: july });
  const computedAt = async () => {
    const rows = await database.db.$queryRaw<{ computed_at: Date }[]>`
      SELECT computed_at FROM incident_measure_rollups WHERE kind = 'overall'`;
    return rows.map((row) => row.computed_at.getTime());
  };

  it("keeps the organisation's measures of a period and reuses them while nothing changed", async () => {
    const first = await julyMetrics();
    expect(first.mttr).toEqual({ n: 3, meanSeconds: 1200, medianSeconds: 1200, p90Seconds: 1680 });
    const kept = await computedAt();
    expect(kept).toHaveLength(1);

    // A new title and an August incident's resolution change nothing July's measures read.
    await database.db.incident.update({ where: { pagerdutyId: "R1" }, data: { title: "Renamed" } });
    await database.db.incident.update({
      where: { pagerdutyId: "R4" },
      data: { resolvedAt: at("2026-08-05T11:00:00Z") },
    });
    expect(await julyMetrics()).toEqual(first);
    expect(await computedAt()).toEqual(kept);
  });

  it("recomputes a period once late data changes one of its incidents", async () => {
    await julyMetrics();
    // A late resolution of R3: 1800 s becomes 3600 s.
    await database.db.incident.update({
      where: { pagerdutyId: "R3" },
      data: { resolvedAt: at("2026-07-20T11:00:00Z") },
    });
    const after = await julyMetrics();
    // MTTR over 600, 1200, 3600: mean 1800, median 1200, p90 1200 + 0.8 × 2400 = 3120.
    expect(after.mttr).toEqual({ n: 3, meanSeconds: 1800, medianSeconds: 1200, p90Seconds: 3120 });
  });

  it("does not trust a rollup computed in a snapshot that missed a change committed later", async () => {
    // The race a rollup cache must survive: a computation takes its snapshot, a webhook's
    // change commits, then the computation stores what it saw.
    const computing = new pg.Client({ connectionString: database.url });
    await computing.connect();
    try {
      await computing.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      await computing.query("SELECT pg_current_snapshot()");
      await database.db.incident.update({
        where: { pagerdutyId: "R1" },
        data: { resolvedAt: at("2026-07-02T12:00:00Z") }, // 600 s becomes 7200 s
      });
      await computing.query(
        `INSERT INTO incident_measure_rollups (kind, urgency, range_start, range_end, measures, snapshot)
         VALUES ('overall', '', $1, $2, '{"count": 999}', pg_current_snapshot())`,
        [july.start, july.end],
      );
      await computing.query("COMMIT");
    } finally {
      await computing.end();
    }
    const metrics = await julyMetrics();
    expect(metrics.count).toBe(3);
    expect(metrics.mttr.meanSeconds).toBe((7200 + 1200 + 1800) / 3);
  });

  it("rolls up each month of the trend and the breakdowns, and a team's rename needs no recompute", async () => {
    const scope = { range: { start: july.start, end: at("2026-09-01T00:00:00Z") } };
    const series = await getIncidentSeries(database.db, {
      ...scope,
      timeZone: "UTC",
      interval: "month",
    });
    expect(series.map((bucket) => [bucket.label, bucket.count, bucket.mttr.medianSeconds])).toEqual(
      [
        ["2026-07", 3, 1200],
        ["2026-08", 1, 60],
      ],
    );
    await listIncidentBreakdown(database.db, { range: july }, "team");
    await database.db.team.update({
      where: { pagerdutyId: "PTEAM01" },
      data: { name: "Payments EU" },
    });
    const teams = await listIncidentBreakdown(database.db, { range: july }, "team");
    expect(teams.map((team) => [team.name, team.count])).toEqual([["Payments EU", 3]]);
    const kinds = await database.db.$queryRaw<{ kind: string; rows: number }[]>`
      SELECT kind, count(*)::int AS rows FROM incident_measure_rollups GROUP BY kind ORDER BY kind`;
    expect(kinds).toEqual([
      { kind: "overall", rows: 2 },
      { kind: "team", rows: 1 },
    ]);
  });

  it("keeps one team's series under the team's id: found after a rename, recomputed after a change", async () => {
    const series = (team: string) =>
      getIncidentSeries(database.db, {
        range: { start: july.start, end: at("2026-09-01T00:00:00Z") },
        timeZone: "UTC",
        interval: "month",
        team,
      });
    const kept = async () =>
      database.db.$queryRaw<{ kind: string; computed_at: Date }[]>`
        SELECT kind, computed_at FROM incident_measure_rollups WHERE kind LIKE 'team-scope:%'
        ORDER BY range_start`;
    const first = await series("Payments");
    expect(first.map((bucket) => [bucket.label, bucket.count, bucket.mttr.medianSeconds])).toEqual([
      ["2026-07", 3, 1200],
      ["2026-08", 1, 60],
    ]);
    const rows = await kept();
    expect(rows).toHaveLength(2);

    await database.db.team.update({
      where: { pagerdutyId: "PTEAM01" },
      data: { name: "Payments EU" },
    });
    expect(await series("Payments EU")).toEqual(first);
    expect(await series("Payments")).toEqual([
      expect.objectContaining({ label: "2026-07", count: 0 }),
      expect.objectContaining({ label: "2026-08", count: 0 }),
    ]);
    expect(await kept()).toEqual(rows);

    // R3's late resolution: July's MTTR over 600, 1200, 3600 s has a mean of 1800 s.
    await database.db.incident.update({
      where: { pagerdutyId: "R3" },
      data: { resolvedAt: at("2026-07-20T11:00:00Z") },
    });
    const [julyBucket] = await series("PTEAM01");
    expect(julyBucket?.mttr.meanSeconds).toBe(1800);
  });

  it("prunes changes with the rollups they made stale, and keeps the valid ones", async () => {
    await julyMetrics();
    await getIncidentMetrics(database.db, {
      range: { start: at("2026-08-01T00:00:00Z"), end: at("2026-09-01T00:00:00Z") },
    });
    await database.db.incident.update({
      where: { pagerdutyId: "R4" },
      data: { resolvedAt: at("2026-08-05T12:00:00Z") },
    });
    expect(await pruneRollupChanges(database.db, incidentMeasureTables, 0)).toBeGreaterThan(0);
    const left = await database.db.$queryRaw<{ range_start: Date }[]>`
      SELECT range_start FROM incident_measure_rollups`;
    expect(left.map((row) => row.range_start.toISOString())).toEqual([july.start.toISOString()]);
    const [changes] = await database.db.$queryRaw<{ rows: number }[]>`
      SELECT count(*)::int AS rows FROM incident_measure_changes`;
    expect(changes?.rows).toBe(0);
    const august = await getIncidentMetrics(database.db, {
      range: { start: at("2026-08-01T00:00:00Z"), end: at("2026-09-01T00:00:00Z") },
    });
    expect(august.mttr.medianSeconds).toBe(7200);
  });
});

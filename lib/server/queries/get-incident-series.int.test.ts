import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { parseLocalDateTime } from "@/lib/shared/report-filters";
import { getIncidentSeries, type SeriesInterval } from "./get-incident-series";

const at = (iso: string) => new Date(iso);
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);
const empty = { n: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null };

describe("getIncidentSeries", () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    const db = database.db;
    const card = await db.service.create({ data: { name: "Card API", pagerdutyId: "PSVC001" } });
    const edge = await db.service.create({ data: { name: "Edge Proxy", pagerdutyId: "PSVC002" } });
    type Spec = {
      id: string;
      created: string;
      ack?: number;
      resolve?: number;
      impactBefore?: number;
      source: "monitoring" | "customer" | "test";
      merged?: boolean;
      service?: number;
    };
    // Stockholm is UTC+1 in winter and UTC+2 from 29 March to 25 October 2026.
    const specs: Spec[] = [
      // 22:30 UTC on 31 March is 00:30 on 1 April in Stockholm (summer time).
      { id: "S8", created: "2026-03-31T22:30:00Z", ack: 30, resolve: 300, source: "monitoring" },
      {
        id: "S2",
        created: "2026-06-10T12:00:00Z",
        ack: 120,
        resolve: 1200,
        impactBefore: 300,
        source: "customer",
        service: edge.id,
      },
      { id: "S3", created: "2026-06-11T12:00:00Z", ack: 5, resolve: 10, source: "test" },
      // June in UTC, 01:30 on 1 July in Stockholm.
      { id: "S1", created: "2026-06-30T23:30:00Z", ack: 60, resolve: 600, source: "monitoring" },
      {
        id: "S4",
        created: "2026-07-15T12:00:00Z",
        resolve: 30,
        source: "monitoring",
        merged: true,
      },
      // Nothing in August.
      { id: "S5", created: "2026-09-10T12:00:00Z", ack: 300, resolve: 3000, source: "monitoring" },
      // 23:59:59 on 31 October in Stockholm (winter time again) …
      { id: "S7", created: "2026-10-31T22:59:59Z", ack: 10, resolve: 100, source: "monitoring" },
      // … and one second later it is midnight on 1 November there, still October in UTC.
      { id: "S6", created: "2026-10-31T23:00:00Z", ack: 20, resolve: 200, source: "monitoring" },
    ];
    for (const spec of specs) {
      const createdAt = at(spec.created);
      await db.incident.create({
        data: {
          pagerdutyId: spec.id,
          title: `Incident ${spec.id}`,
          serviceId: spec.service ?? card.id,
          status: spec.resolve === undefined ? "triggered" : "resolved",
          createdAt,
          acknowledgedAt: spec.ack === undefined ? null : plus(createdAt, spec.ack),
          resolvedAt: spec.resolve === undefined ? null : plus(createdAt, spec.resolve),
          startedAt: spec.impactBefore === undefined ? null : plus(createdAt, -spec.impactBefore),
          resolvedByMerge: spec.merged ?? false,
          detectionSource: spec.source,
        },
      });
    }
  });

  const series = (
    from: string,
    to: string,
    timeZone: string,
    interval: SeriesInterval = "month",
    service?: string,
  ) =>
    getIncidentSeries(database.db, {
      range: {
        start: parseLocalDateTime(from, timeZone) as Date,
        end: parseLocalDateTime(to, timeZone) as Date,
      },
      timeZone,
      interval,
      service,
    });

  it("summarises June and July in UTC by hand-computed numbers", async () => {
    const [june, july, ...rest] = await series("2026-06-01", "2026-08-01", "UTC");
    expect(rest).toEqual([]);
    expect(june).toEqual({
      start: "2026-06-01T00:00:00.000Z",
      label: "2026-06",
      count: 2, // S1, S2; the test S3 is excluded
      excludedTests: 1,
      // MTTD: S2 only, 300 s.
      mttd: { n: 1, meanSeconds: 300, medianSeconds: 300, p90Seconds: 300 },
      // MTTA over 60, 120: mean and median 90; p90 = 60 + 0.9 × 60 = 114.
      mtta: { n: 2, meanSeconds: 90, medianSeconds: 90, p90Seconds: 114 },
      // MTTR over 600, 1200: mean and median 900; p90 = 600 + 0.9 × 600 = 1140.
      mttr: { n: 2, meanSeconds: 900, medianSeconds: 900, p90Seconds: 1140 },
      customer: 1,
      customerFirstRate: 0.5,
    });
    // July holds only S4, resolved by merge: it counts, but has no MTTA or MTTR.
    expect(july).toEqual({
      start: "2026-07-01T00:00:00.000Z",
      label: "2026-07",
      count: 1,
      excludedTests: 0,
      mttd: empty,
      mtta: empty,
      mttr: empty,
      customer: 0,
      customerFirstRate: 0,
    });
  });

  it("puts 23:30 UTC on 30 June into July in Stockholm", async () => {
    const buckets = await series("2026-06-01", "2026-08-01", "Europe/Stockholm");
    expect(buckets.map(({ label, start, count }) => ({ label, start, count }))).toEqual([
      // Local midnight in summer time is 22:00 UTC the day before.
      { label: "2026-06", start: "2026-05-31T22:00:00.000Z", count: 1 }, // S2
      { label: "2026-07", start: "2026-06-30T22:00:00.000Z", count: 2 }, // S1, S4
    ]);
    expect(buckets[1]?.mtta).toEqual({ n: 1, meanSeconds: 60, medianSeconds: 60, p90Seconds: 60 });
  });

  it("returns a month with no incidents with count 0 and empty durations", async () => {
    const buckets = await series("2026-07-01", "2026-10-01", "UTC");
    expect(buckets.map((bucket) => bucket.label)).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(buckets[1]).toEqual({
      start: "2026-08-01T00:00:00.000Z",
      label: "2026-08",
      count: 0,
      excludedTests: 0,
      mttd: empty,
      mtta: empty,
      mttr: empty,
      customer: 0,
      customerFirstRate: null,
    });
    expect(buckets[2]?.mttr).toEqual({
      n: 1,
      meanSeconds: 3000,
      medianSeconds: 3000,
      p90Seconds: 3000,
    });
  });

  it("returns every bucket the range touches, counting only incidents in the range", async () => {
    // 15 June – 10 July: the June bucket starts on 1 June but holds only S1 (30 June), not S2;
    // July is returned although S4 (15 July) is past the range's end.
    const buckets = await series("2026-06-15", "2026-07-10", "UTC");
    expect(buckets.map(({ label, start, count }) => ({ label, start, count }))).toEqual([
      { label: "2026-06", start: "2026-06-01T00:00:00.000Z", count: 1 },
      { label: "2026-07", start: "2026-07-01T00:00:00.000Z", count: 0 },
    ]);
  });

  it("labels quarters and starts them at local midnight", async () => {
    const utc = await series("2026-01-01", "2027-01-01", "UTC", "quarter");
    expect(utc.map(({ label, start, count }) => ({ label, start, count }))).toEqual([
      { label: "2026-Q1", start: "2026-01-01T00:00:00.000Z", count: 1 }, // S8
      { label: "2026-Q2", start: "2026-04-01T00:00:00.000Z", count: 2 }, // S1, S2
      { label: "2026-Q3", start: "2026-07-01T00:00:00.000Z", count: 2 }, // S4, S5
      { label: "2026-Q4", start: "2026-10-01T00:00:00.000Z", count: 2 }, // S6, S7
    ]);
    expect(utc[1]?.excludedTests).toBe(1);
    const stockholm = await series("2026-01-01", "2027-01-01", "Europe/Stockholm", "quarter");
    expect(stockholm.map(({ label, start, count }) => ({ label, start, count }))).toEqual([
      { label: "2026-Q1", start: "2025-12-31T23:00:00.000Z", count: 0 },
      { label: "2026-Q2", start: "2026-03-31T22:00:00.000Z", count: 2 }, // S8 (1 April), S2
      { label: "2026-Q3", start: "2026-06-30T22:00:00.000Z", count: 3 }, // S1, S4, S5
      { label: "2026-Q4", start: "2026-09-30T22:00:00.000Z", count: 2 }, // S6, S7
    ]);
  });

  it("starts DST months at local midnight in Stockholm", async () => {
    const buckets = await series("2026-03-01", "2026-12-01", "Europe/Stockholm");
    expect(buckets.map(({ label, start, count }) => ({ label, start, count }))).toEqual([
      // March starts in winter time (UTC+1), April after the 29 March change (UTC+2).
      { label: "2026-03", start: "2026-02-28T23:00:00.000Z", count: 0 },
      { label: "2026-04", start: "2026-03-31T22:00:00.000Z", count: 1 }, // S8
      { label: "2026-05", start: "2026-04-30T22:00:00.000Z", count: 0 },
      { label: "2026-06", start: "2026-05-31T22:00:00.000Z", count: 1 }, // S2
      { label: "2026-07", start: "2026-06-30T22:00:00.000Z", count: 2 }, // S1, S4
      { label: "2026-08", start: "2026-07-31T22:00:00.000Z", count: 0 },
      { label: "2026-09", start: "2026-08-31T22:00:00.000Z", count: 1 }, // S5
      // October starts in summer time; November after the 25 October change (UTC+1), so
      // 23:00 UTC on 31 October (S6) is November and 22:59:59 (S7) is still October.
      { label: "2026-10", start: "2026-09-30T22:00:00.000Z", count: 1 },
      { label: "2026-11", start: "2026-10-31T23:00:00.000Z", count: 1 },
    ]);
    expect(buckets[7]?.mtta.meanSeconds).toBe(10); // S7
    expect(buckets[8]?.mtta.meanSeconds).toBe(20); // S6
  });

  it("applies the scope's filters inside each bucket", async () => {
    const buckets = await series("2026-06-01", "2026-08-01", "UTC", "month", "Edge Proxy");
    expect(buckets.map(({ label, count, customer }) => ({ label, count, customer }))).toEqual([
      { label: "2026-06", count: 1, customer: 1 }, // S2
      { label: "2026-07", count: 0, customer: 0 },
    ]);
  });
});

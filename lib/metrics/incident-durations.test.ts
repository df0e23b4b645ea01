import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ClockedIncident,
  incidentClockDurations,
  percentileCont,
  summariseDurations,
} from "./incident-durations";

const createdAt = new Date("2024-03-01T10:00:00Z");
const minutesAfterCreation = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000);

function incident(overrides: Partial<ClockedIncident>): ClockedIncident {
  return { createdAt, isTest: false, isResolvedByMerge: false, ...overrides };
}

describe("summariseDurations", () => {
  it("interpolates percentiles like Postgres percentile_cont on [1, 2, 3, 4]", () => {
    // median: position (4 − 1) · 0.5 = 1.5 → 2 + 0.5 · (3 − 2) = 2.5
    // p90:    position (4 − 1) · 0.9 = 2.7 → 3 + 0.7 · (4 − 3) = 3.7
    // mean:   (1 + 2 + 3 + 4) / 4 = 2.5
    const summary = summariseDurations([4, 1, 3, 2]);
    expect(summary.n).toBe(4);
    expect(summary.medianSeconds).toBe(2.5);
    expect(summary.p90Seconds).toBeCloseTo(3.7, 12);
    expect(summary.meanSeconds).toBe(2.5);
  });

  it("returns the single value for every statistic when n = 1", () => {
    expect(summariseDurations([42])).toEqual({
      n: 1,
      meanSeconds: 42,
      medianSeconds: 42,
      p90Seconds: 42,
    });
  });

  it("returns nulls, not zeros, for an empty list", () => {
    expect(summariseDurations([])).toEqual({
      n: 0,
      meanSeconds: null,
      medianSeconds: null,
      p90Seconds: null,
    });
  });

  it("takes an exact element when the position is whole", () => {
    // 11 values 0..100 step 10: p90 position 10 · 0.9 = 9 → the 10th value, 90.
    const values = Array.from({ length: 11 }, (_, index) => index * 10);
    expect(percentileCont(values, 0.9)).toBe(90);
    expect(percentileCont(values, 0.5)).toBe(50);
  });

  it("never changes when the input is permuted", () => {
    const duration = fc.double({ min: 0, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(fc.array(duration, { minLength: 1 }), fc.nat(), (values, seed) => {
        const shuffled = [...values];
        for (let index = shuffled.length - 1; index > 0; index -= 1) {
          const swap = (seed + index * 7919) % (index + 1);
          [shuffled[index], shuffled[swap]] = [shuffled[swap] as number, shuffled[index] as number];
        }
        expect(summariseDurations(shuffled)).toEqual(summariseDurations(values));
      }),
    );
  });

  it("puts the median and p90 between the minimum and the maximum", () => {
    const duration = fc.double({ min: 0, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(fc.array(duration, { minLength: 1 }), (values) => {
        const summary = summariseDurations(values);
        const minimum = Math.min(...values);
        const maximum = Math.max(...values);
        for (const statistic of [summary.medianSeconds, summary.p90Seconds]) {
          expect(statistic).not.toBeNull();
          expect(statistic as number).toBeGreaterThanOrEqual(minimum);
          expect(statistic as number).toBeLessThanOrEqual(maximum);
        }
        expect(summary.medianSeconds as number).toBeLessThanOrEqual(summary.p90Seconds as number);
      }),
    );
  });
});

describe("incidentClockDurations", () => {
  it("measures MTTD, MTTA and MTTR in seconds from the right timestamps", () => {
    const result = incidentClockDurations([
      incident({
        startedAt: minutesAfterCreation(-10), // detected 10 min = 600 s after impact
        acknowledgedAt: minutesAfterCreation(2), // 120 s
        resolvedAt: minutesAfterCreation(30), // 1800 s
      }),
      incident({
        acknowledgedAt: minutesAfterCreation(4), // 240 s
        resolvedAt: minutesAfterCreation(90), // 5400 s
      }),
    ]);
    expect(result.mttd).toEqual({ n: 1, meanSeconds: 600, medianSeconds: 600, p90Seconds: 600 });
    // MTTA over [120, 240]: mean 180, median 180, p90 120 + 0.9 · 120 = 228
    expect(result.mtta.n).toBe(2);
    expect(result.mtta.meanSeconds).toBe(180);
    expect(result.mtta.medianSeconds).toBe(180);
    expect(result.mtta.p90Seconds).toBeCloseTo(228, 9);
    // MTTR over [1800, 5400]: median 3600
    expect(result.mttr.medianSeconds).toBe(3600);
    expect(result.coverage).toEqual({ withStartedAt: 1, total: 2 });
  });

  it("leaves test incidents out of every metric and of the coverage total", () => {
    const result = incidentClockDurations([
      incident({
        isTest: true,
        startedAt: minutesAfterCreation(-1),
        acknowledgedAt: minutesAfterCreation(1),
        resolvedAt: minutesAfterCreation(1),
      }),
    ]);
    expect(result.mttd.n + result.mtta.n + result.mttr.n).toBe(0);
    expect(result.coverage).toEqual({ withStartedAt: 0, total: 0 });
  });

  it("leaves merged incidents out of MTTA and MTTR but keeps them in MTTD", () => {
    const result = incidentClockDurations([
      incident({
        isResolvedByMerge: true,
        startedAt: minutesAfterCreation(-5), // 300 s
        acknowledgedAt: minutesAfterCreation(1),
        resolvedAt: minutesAfterCreation(3),
      }),
    ]);
    expect(result.mttd.medianSeconds).toBe(300);
    expect(result.mtta.n).toBe(0);
    expect(result.mttr.n).toBe(0);
    expect(result.coverage).toEqual({ withStartedAt: 1, total: 1 });
  });

  it("drops negative durations and counts them, but keeps zero", () => {
    const result = incidentClockDurations([
      // impact start entered 5 min after creation: MTTD would be −300 s
      incident({ startedAt: minutesAfterCreation(5), acknowledgedAt: minutesAfterCreation(0) }),
      // acknowledgement stamped 1 min before creation by a skewed clock
      incident({ acknowledgedAt: minutesAfterCreation(-1), resolvedAt: minutesAfterCreation(-1) }),
    ]);
    expect(result.mttd.n).toBe(0);
    expect(result.mtta).toEqual({ n: 1, meanSeconds: 0, medianSeconds: 0, p90Seconds: 0 });
    expect(result.mttr.n).toBe(0);
    expect(result.rejectedNegative).toEqual({ mttd: 1, mtta: 1, mttr: 1 });
    // The rejected impact start still counts as coverage: the data exists, it is just wrong.
    expect(result.coverage).toEqual({ withStartedAt: 1, total: 2 });
  });

  it("keeps millisecond precision as fractional seconds", () => {
    const result = incidentClockDurations([
      incident({ acknowledgedAt: new Date(createdAt.getTime() + 1_500) }),
    ]);
    expect(result.mtta.medianSeconds).toBe(1.5);
  });
});

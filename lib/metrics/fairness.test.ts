import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gini, lorenzCurve, shares } from "./fairness";

/** The textbook double sum, kept slow and obvious so the fast version can be checked against it. */
function giniByDoubleSum(values: number[]): number {
  const count = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / count;
  let differences = 0;
  for (const left of values) for (const right of values) differences += Math.abs(left - right);
  return differences / (2 * count * count * mean);
}

// Hours to the hundredth: subnormal doubles would make the reference double sum underflow
// (its mean rounds to 0) without saying anything about real team loads.
const load = fc.integer({ min: 0, max: 100_000_000 }).map((hundredths) => hundredths / 100);
const loadsWithPositiveSum = fc
  .array(load, { minLength: 1, maxLength: 40 })
  .filter((values) => values.some((value) => value > 0));

describe("gini", () => {
  it("is 0 when everyone carries the same load", () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
  });

  it("is 0.75 when one of four carries everything, the maximum (n − 1)/n", () => {
    // Σ|xi − xj| = 6 pairs (ordered) of |0 − 10| = 60; 2 n² μ = 2 · 16 · 2.5 = 80 → 60/80 = 0.75
    expect(gini([0, 0, 0, 10])).toBe(0.75);
  });

  it("is 0.25 for [1, 2, 3, 4]", () => {
    // ordered pairs: differences 1 ×6, 2 ×4, 3 ×2 → 6 + 8 + 6 = 20; 2 · 16 · 2.5 = 80 → 0.25
    expect(gini([1, 2, 3, 4])).toBe(0.25);
  });

  it("is null for an empty team and 0 for a team with no load", () => {
    expect(gini([])).toBeNull();
    expect(gini([0, 0, 0])).toBe(0);
  });

  it("is 0 for one person, who is trivially treated evenly", () => {
    expect(gini([37])).toBe(0);
  });

  it("refuses negative values", () => {
    expect(() => gini([1, -1])).toThrow(RangeError);
  });

  it("stays in [0, 1) and within (n − 1)/n for non-negative loads", () => {
    fc.assert(
      fc.property(loadsWithPositiveSum, (values) => {
        const coefficient = gini(values) as number;
        expect(coefficient).toBeGreaterThanOrEqual(0);
        expect(coefficient).toBeLessThan(1);
        expect(coefficient).toBeLessThanOrEqual((values.length - 1) / values.length + 1e-12);
      }),
    );
  });

  it("agrees with the mean-absolute-difference double sum", () => {
    fc.assert(
      fc.property(loadsWithPositiveSum, (values) => {
        expect(gini(values)).toBeCloseTo(giniByDoubleSum(values), 9);
      }),
    );
  });

  it("never changes when the people are listed in another order", () => {
    fc.assert(
      fc.property(loadsWithPositiveSum, (values) => {
        expect(gini([...values].reverse())).toBe(gini(values));
      }),
    );
  });
});

describe("lorenzCurve", () => {
  it("runs from (0, 0) to (1, 1) through the cumulative sorted shares", () => {
    // sorted [0, 2, 6, 12], total 20 → cumulative 0, 2, 8, 20 → 0, 0.1, 0.4, 1
    expect(lorenzCurve([12, 0, 6, 2])).toEqual([
      { populationShare: 0, valueShare: 0 },
      { populationShare: 0.25, valueShare: 0 },
      { populationShare: 0.5, valueShare: 0.1 },
      { populationShare: 0.75, valueShare: 0.4 },
      { populationShare: 1, valueShare: 1 },
    ]);
  });

  it("draws a team with no load on the line of equality, and no curve for no team", () => {
    expect(lorenzCurve([0, 0])).toEqual([
      { populationShare: 0, valueShare: 0 },
      { populationShare: 0.5, valueShare: 0.5 },
      { populationShare: 1, valueShare: 1 },
    ]);
    expect(lorenzCurve([])).toEqual([]);
  });

  it("never rises above the line of equality and always ends at (1, 1)", () => {
    fc.assert(
      fc.property(loadsWithPositiveSum, (values) => {
        const curve = lorenzCurve(values);
        expect(curve.at(-1)).toEqual({ populationShare: 1, valueShare: 1 });
        for (const point of curve) {
          expect(point.valueShare).toBeLessThanOrEqual(point.populationShare + 1e-12);
        }
      }),
    );
  });
});

describe("shares", () => {
  it("gives each person their part of the total, in input order", () => {
    // total 10 + 30 + 60 = 100
    expect(
      shares([
        { key: "ana", value: 10 },
        { key: "bo", value: 30 },
        { key: "cy", value: 60 },
      ]),
    ).toEqual([
      { key: "ana", value: 10, share: 0.1 },
      { key: "bo", value: 30, share: 0.3 },
      { key: "cy", value: 60, share: 0.6 },
    ]);
  });

  it("reports no share when the total is zero", () => {
    expect(shares([{ key: 1, value: 0 }])).toEqual([{ key: 1, value: 0, share: null }]);
  });
});

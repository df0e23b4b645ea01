import { describe, expect, it } from "vitest";
import { idSalt, PagerDutyIdFactory, sequencePagerDutyId } from "./pagerduty-ids";
import { createRandom } from "./random";

function draws(seed: number, ...labels: (string | number)[]): number[] {
  const random = createRandom(seed, ...labels);
  return Array.from({ length: 20 }, () => random.next());
}

describe("the seeded random stream", () => {
  it("repeats for the same seed and labels, and differs for another seed or label", () => {
    expect(draws(1, "incidents", 3)).toEqual(draws(1, "incidents", 3));
    expect(draws(2, "incidents", 3)).not.toEqual(draws(1, "incidents", 3));
    expect(draws(1, "incidents", 4)).not.toEqual(draws(1, "incidents", 3));
  });

  it("stays within bounds and averages what it should", () => {
    const random = createRandom(42);
    let poissonTotal = 0;
    let logNormalBelowMedian = 0;
    for (let index = 0; index < 20_000; index++) {
      const value = random.int(3, 5);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(5);
      poissonTotal += random.poisson(0.4);
      if (random.logNormal(10, 0.8) < 10) logNormalBelowMedian++;
    }
    expect(poissonTotal / 20_000).toBeCloseTo(0.4, 1);
    expect(logNormalBelowMedian / 20_000).toBeCloseTo(0.5, 1);
  });
});

describe("PagerDuty-style ids", () => {
  it("look like PagerDuty's: P + 6 for objects, Q/R + 13 for incidents and log entries", () => {
    const ids = new PagerDutyIdFactory(createRandom(1, "ids"));
    const objectIds = Array.from({ length: 3_000 }, () => ids.next());
    for (const id of objectIds) expect(id).toMatch(/^P[0-9A-Z]{6}$/);
    expect(new Set(objectIds).size).toBe(objectIds.length);
    expect(sequencePagerDutyId("Q", 1, 99)).toMatch(/^Q[0-9A-Z]{13}$/);
  });

  it("never collide for distinct sequence numbers, and change with the seed's salt", () => {
    const salt = idSalt(createRandom(1));
    const seen = new Set<string>();
    for (let sequence = 1; sequence <= 300_000; sequence++)
      seen.add(sequencePagerDutyId("R", sequence, salt));
    expect(seen.size).toBe(300_000);
    expect(sequencePagerDutyId("R", 7, salt)).not.toBe(
      sequencePagerDutyId("R", 7, idSalt(createRandom(2))),
    );
  });
});

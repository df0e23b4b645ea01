import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  claimAllowance,
  committedLedger,
  hoursAvailable,
  type IdentifiedLedgerLine,
  largestConsumptionAt,
} from "./time-in-lieu-claims";
import { debtsAfterConsumptions, firstInFirstOutInputs } from "./time-in-lieu-ledger";

const at = (iso: string) => new Date(iso);
// 3 h on Thu 1 Jan (lapses 1 Apr) and 2 h on Mon 2 Feb (lapses 3 May): 90 days each.
const january: IdentifiedLedgerLine = {
  id: 1,
  kind: "accrual",
  minutes: 180,
  occurredAt: at("2026-01-01T20:00:00Z"),
  expiresAt: at("2026-04-01T20:00:00Z"),
};
const february: IdentifiedLedgerLine = {
  id: 2,
  kind: "accrual",
  minutes: 120,
  occurredAt: at("2026-02-02T20:00:00Z"),
  expiresAt: at("2026-05-03T20:00:00Z"),
};
const claim = (
  id: number,
  minutes: number,
  iso: string,
  status: IdentifiedLedgerLine["status"],
): IdentifiedLedgerLine => ({ id, kind: "claim", minutes, occurredAt: at(iso), status });

describe("largestConsumptionAt", () => {
  it("is what is owed on the day: both accruals in March, only February's after 1 April", () => {
    expect(largestConsumptionAt([january, february], at("2026-03-15T00:00:00Z"))).toBe(300);
    expect(largestConsumptionAt([january, february], at("2026-04-15T00:00:00Z"))).toBe(120);
    expect(largestConsumptionAt([january, february], at("2026-05-04T00:00:00Z"))).toBe(0);
    // Before anything accrued there is nothing to take.
    expect(largestConsumptionAt([january, february], at("2026-01-01T00:00:00Z"))).toBe(0);
  });

  it("counts a pending claim as if approved, and a claim under decision not against itself", () => {
    const pending = claim(7, 240, "2026-03-15T00:00:00Z", "pending");
    // 10 March comes first, but the 4 h on 15 March must still fit: 300 − 240 = 60.
    expect(largestConsumptionAt([january, february, pending], at("2026-03-10T00:00:00Z"))).toBe(60);
    // After 15 March: the claim took January's 180 and 60 of February's; 60 are left.
    expect(largestConsumptionAt([january, february, pending], at("2026-04-15T00:00:00Z"))).toBe(60);
    expect(
      largestConsumptionAt([january, february, pending], at("2026-03-15T00:00:00Z"), {
        excludeId: 7,
      }),
    ).toBe(300);
  });

  it("ignores rejected claims and stored expiry lines", () => {
    const lines = [
      january,
      claim(8, 180, "2026-02-01T00:00:00Z", "rejected"),
      { kind: "expiry", minutes: 180, occurredAt: at("2026-01-02T00:00:00Z") } as const,
    ];
    expect(largestConsumptionAt(lines, at("2026-03-01T00:00:00Z"))).toBe(180);
  });

  it("keeps a later approved claim whole: an earlier claim cannot take its hours", () => {
    const later = claim(9, 180, "2026-03-20T00:00:00Z", "approved");
    expect(largestConsumptionAt([january, later], at("2026-03-01T00:00:00Z"))).toBe(0);
    expect(largestConsumptionAt([january, february, later], at("2026-03-01T00:00:00Z"))).toBe(120);
  });

  it("gives nothing while time taken in advance is still unpaid", () => {
    // 1 h taken on 1 Jan before the evening's call-out; the 3 h accrual pays it back.
    const advance = claim(10, 60, "2026-01-01T08:00:00Z", "approved");
    expect(largestConsumptionAt([january, advance], at("2026-01-01T12:00:00Z"))).toBe(0);
    expect(largestConsumptionAt([january, advance], at("2026-02-01T00:00:00Z"))).toBe(120);
  });

  it("treats adjustments as the ledger does: added time never lapses, removed time is taken", () => {
    const added: IdentifiedLedgerLine = {
      kind: "adjustment",
      minutes: 90,
      occurredAt: at("2026-01-05T00:00:00Z"),
    };
    const removed: IdentifiedLedgerLine = {
      kind: "adjustment",
      minutes: -30,
      occurredAt: at("2026-01-10T00:00:00Z"),
    };
    // In June January has lapsed (its remaining 150 after the −30), the 90 added stay.
    expect(largestConsumptionAt([january, added, removed], at("2026-06-01T00:00:00Z"))).toBe(90);
    expect(largestConsumptionAt([january, added, removed], at("2026-03-01T00:00:00Z"))).toBe(240);
  });

  it("finds exactly the largest consumption that leaves no debt", () => {
    const DAY = 86_400_000;
    const base = at("2026-01-01T00:00:00Z").getTime();
    const spec = fc.tuple(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 200 }));
    fc.assert(
      fc.property(
        fc.array(spec, { maxLength: 6 }),
        fc.array(fc.tuple(spec, fc.boolean()), { maxLength: 6 }),
        fc.integer({ min: 0, max: 250 }),
        (accrualSpecs, claimSpecs, day) => {
          const lines: IdentifiedLedgerLine[] = [
            ...accrualSpecs.map(([minutes, offset]) => ({
              kind: "accrual" as const,
              minutes,
              occurredAt: new Date(base + offset * DAY),
              expiresAt: new Date(base + (offset + 90) * DAY),
            })),
            ...claimSpecs.map(([[minutes, offset], isPending]) => ({
              kind: "claim" as const,
              minutes,
              occurredAt: new Date(base + offset * DAY),
              status: isPending ? ("pending" as const) : ("approved" as const),
            })),
          ];
          const when = new Date(base + day * DAY + 3_600_000);
          const largest = largestConsumptionAt(lines, when);
          const debtFrom = (minutes: number) => {
            const { accruals, claims } = firstInFirstOutInputs(committedLedger(lines));
            return debtsAfterConsumptions(
              accruals,
              [...claims, { minutes, occurredAt: when, status: null }],
              at("2100-01-01T00:00:00Z"),
            )
              .filter((debt) => debt.occurredAt.getTime() >= when.getTime())
              .reduce((most, debt) => Math.max(most, debt.minutes), 0);
          };
          if (largest > 0) expect(debtFrom(largest)).toBe(0);
          expect(debtFrom(largest + 1)).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("claimAllowance", () => {
  it("is limited by the claim's day when accruals lapse before it", () => {
    expect(
      claimAllowance([january, february], at("2026-04-15T00:00:00Z"), at("2026-03-10T09:00:00Z")),
    ).toEqual({ minutes: 120, onDateMinutes: 120, nowMinutes: 300, limitedBy: "date" });
  });

  it("does not let a claim dated back before an expiry revive the lapsed time", () => {
    // On 10 April January's 3 h have lapsed; a claim for 15 March would otherwise still get them.
    expect(
      claimAllowance([january, february], at("2026-03-15T00:00:00Z"), at("2026-04-10T09:00:00Z")),
    ).toEqual({ minutes: 120, onDateMinutes: 300, nowMinutes: 120, limitedBy: "now" });
  });
});

describe("hoursAvailable", () => {
  it("rounds down to 0.01 h so a claim of the hours shown always fits", () => {
    expect(hoursAvailable(60)).toBe(1);
    expect(hoursAvailable(390)).toBe(6.5);
    expect(hoursAvailable(380)).toBe(6.33);
    expect(hoursAvailable(203)).toBe(3.38);
    expect(hoursAvailable(0)).toBe(0);
  });
});

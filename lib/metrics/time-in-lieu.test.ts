import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accrueForCallOut,
  type CallOutForAccrual,
  DEFAULT_TIME_IN_LIEU_POLICY,
} from "./time-in-lieu";
import { expiryLines, type LedgerLine, ledgerBalance, owedOlderThan } from "./time-in-lieu-ledger";

const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;
const DAY = 86_400_000;

/** A call-out whose first page is at `start` and whose last resolve comes `workedMs` later. */
function callOut(
  overrides: Partial<CallOutForAccrual> & { workedMs?: number | null },
): CallOutForAccrual {
  const start = overrides.start ?? at("2023-03-15T19:00:00Z"); // a Wednesday evening
  const { workedMs = 20 * MINUTE, ...rest } = overrides;
  return {
    start,
    band: "off",
    isWeekend: false,
    isHoliday: false,
    firstPageAt: start,
    lastResolveAt: workedMs === null ? null : new Date(start.getTime() + workedMs),
    ...rest,
  };
}

describe("accrueForCallOut", () => {
  it("gives an off-band weekday call-out worked 20 min the 1 h minimum", () => {
    // 20 min → rounded up to 30 min; max(60, 30) = 60; weekday ×1
    const accrual = accrueForCallOut(callOut({ workedMs: 20 * MINUTE }));
    expect(accrual?.minutes).toBe(60);
    expect(accrual?.workedMinutes).toBe(20);
    expect(accrual?.rule).toBe(
      "off band: worked 20 min → rounded up to 30 min; minimum 1 h applies → 60 min",
    );
  });

  it("gives a sleep-band Saturday call-out worked 2 h 05 203 min", () => {
    // 125 min → rounded up to 135; max(120, 135) = 135; × 1.5 = 202.5 → 203 whole minutes
    const accrual = accrueForCallOut(
      callOut({ band: "sleep", isWeekend: true, workedMs: 125 * MINUTE }),
    );
    expect(accrual?.minutes).toBe(203);
    expect(accrual?.rule).toBe(
      "sleep band: worked 125 min → rounded up to 135 min; above the 2 h minimum → 135 min × 1.5 weekend = 202.5 min → 203 min (rounded up to a whole minute)",
    );
  });

  it("applies the 2 h minimum before the weekend multiplier", () => {
    // 35 min → 45; max(120, 45) = 120; × 1.5 = 180
    const accrual = accrueForCallOut(
      callOut({ band: "sleep", isWeekend: true, workedMs: 35 * MINUTE }),
    );
    expect(accrual?.rule).toBe(
      "sleep band: worked 35 min → rounded up to 45 min; minimum 2 h applies → 120 min × 1.5 weekend = 180 min",
    );
  });

  it("caps a 14 h incident at 12 h", () => {
    // 840 min → capped at 720; weekday ×1
    const accrual = accrueForCallOut(callOut({ workedMs: 14 * 60 * MINUTE }));
    expect(accrual?.minutes).toBe(720);
    expect(accrual?.rule).toBe(
      "off band: worked 840 min, capped at 12 h; above the 1 h minimum → 720 min",
    );
  });

  it("doubles a holiday that falls on a Sunday, without also applying the weekend ×1.5", () => {
    // 35 min → 45; max(120, 45) = 120; holiday ×2 = 240 (not × 1.5 × 2 = 360)
    const accrual = accrueForCallOut(
      callOut({ band: "sleep", isWeekend: true, isHoliday: true, workedMs: 35 * MINUTE }),
    );
    expect(accrual?.minutes).toBe(240);
    expect(accrual?.multiplierPercent).toBe(200);
    expect(accrual?.rule).toMatch(/× 2 public holiday = 240 min$/);
  });

  it("rounds worked time up at the 15-minute and 60-minute boundaries", () => {
    const minutesFor = (workedMs: number) => accrueForCallOut(callOut({ workedMs }))?.minutes;
    expect(minutesFor(60 * MINUTE)).toBe(60); // exactly 60 → 60
    expect(minutesFor(60 * MINUTE + 1)).toBe(75); // 60 min 1 ms counts as 61 → 75
    expect(minutesFor(75 * MINUTE)).toBe(75); // exactly on a step
    expect(minutesFor(0)).toBe(60); // nothing worked → the minimum
  });

  it("accrues only the minimum while an incident is still open", () => {
    const accrual = accrueForCallOut(callOut({ band: "sleep", workedMs: null }));
    expect(accrual?.minutes).toBe(120);
    expect(accrual?.workedMinutes).toBeNull();
    expect(accrual?.rule).toBe(
      "sleep band: still open, worked time not known yet; minimum 2 h applies → 120 min",
    );
  });

  it("accrues nothing for a business-hours call-out", () => {
    expect(accrueForCallOut(callOut({ band: "business", workedMs: 3 * 60 * MINUTE }))).toBeNull();
  });

  it("expires the accrual 90 days after the call-out starts", () => {
    // 2023-03-15 + 90 days: 16 left in March, 30 in April, 31 in May → 2023-06-13
    const accrual = accrueForCallOut(callOut({}));
    expect(accrual?.expiresAt).toEqual(at("2023-06-13T19:00:00Z"));
  });

  it("uses the larger multiplier if a policy pays weekends more than holidays", () => {
    const policy = { ...DEFAULT_TIME_IN_LIEU_POLICY, holidayMultiplierPercent: 125 };
    const accrual = accrueForCallOut(callOut({ isWeekend: true, isHoliday: true }), policy);
    expect(accrual?.minutes).toBe(90); // 60 × 1.5
  });
});

/**
 * Worked example of first in, first out:
 *   A: 120 min accrued 2023-01-01, expires 2023-04-01 (+90 d: 31 + 28 + 31)
 *   B: 180 min accrued 2023-02-01, expires 2023-05-02 (+90 d: 28 + 31 + 30 + 1)
 *   approved claim of 150 min on 2023-03-01 takes A's 120 first, then 30 of B
 *   → A expires with 0 (no line), B expires with 180 − 30 = 150 on 2023-05-02.
 *   Owed as of 2023-05-10 = 300 accrued − 150 claimed − 150 expired = 0.
 */
describe("TOIL ledger, first in, first out", () => {
  const accrualA: LedgerLine = {
    kind: "accrual",
    minutes: 120,
    occurredAt: at("2023-01-01T02:00:00Z"),
    expiresAt: at("2023-04-01T02:00:00Z"),
  };
  const accrualB: LedgerLine = {
    kind: "accrual",
    minutes: 180,
    occurredAt: at("2023-02-01T02:00:00Z"),
    expiresAt: at("2023-05-02T02:00:00Z"),
  };
  const claim = (minutes: number, iso: string, status: LedgerLine["status"]): LedgerLine => ({
    kind: "claim",
    minutes,
    occurredAt: at(iso),
    status,
  });
  const approved = claim(150, "2023-03-01T00:00:00Z", "approved");
  const pending = claim(60, "2023-03-15T00:00:00Z", "pending");
  const rejected = claim(600, "2023-03-16T00:00:00Z", "rejected");

  it("expires only what the oldest-first claims left", () => {
    const lines = expiryLines(
      [accrualA, accrualB],
      [approved, pending, rejected],
      at("2023-05-10"),
    );
    expect(lines).toEqual([{ accrual: accrualB, minutes: 150, occurredAt: accrualB.expiresAt }]);
  });

  it("states the balance with the expiry line as of the end of the range", () => {
    const expiry: LedgerLine = {
      kind: "expiry",
      minutes: 150,
      occurredAt: at("2023-05-02T02:00Z"),
    };
    const ledger = [accrualA, accrualB, approved, pending, rejected, expiry];
    expect(ledgerBalance(ledger, at("2023-05-10"))).toEqual({
      accruedMinutes: 300,
      adjustedMinutes: 0,
      claimedMinutes: 150,
      pendingClaimMinutes: 60,
      expiredMinutes: 150,
      owedMinutes: 0,
    });
    // As of 2023-04-15 the expiry has not happened yet: 300 − 150 = 150 owed.
    expect(ledgerBalance(ledger, at("2023-04-15")).owedMinutes).toBe(150);
    // As of 2023-02-15 only A and B are in: the claim on 2023-03-01 is after asOf.
    expect(ledgerBalance(ledger, at("2023-02-15")).owedMinutes).toBe(300);
  });

  it("does not expire an accrual at the exact end of the range, only after it", () => {
    expect(expiryLines([accrualA], [], accrualA.expiresAt as Date)).toEqual([]);
    const justAfter = new Date((accrualA.expiresAt as Date).getTime() + 1);
    expect(expiryLines([accrualA], [], justAfter)).toHaveLength(1);
  });

  it("lets an accrual expire before a claim on the same instant uses it", () => {
    const sameInstant = claim(120, "2023-04-01T02:00:00Z", "approved");
    const lines = expiryLines([accrualA], [sameInstant], at("2023-06-01"));
    expect(lines.map((line) => line.minutes)).toEqual([120]);
  });

  it("pays a claim taken in advance out of the next accrual, which then does not expire", () => {
    // 60 min taken on 2023-01-10 with nothing owed; 60 min accrued 2023-01-20 pays that debt.
    const advance = claim(60, "2023-01-10T00:00:00Z", "approved");
    const later: LedgerLine = {
      kind: "accrual",
      minutes: 60,
      occurredAt: at("2023-01-20T00:00:00Z"),
      expiresAt: at("2023-04-20T00:00:00Z"),
    };
    expect(expiryLines([later], [advance], at("2023-06-01"))).toEqual([]);
  });

  it("counts lines strictly before asOf and ignores rejected claims", () => {
    const ledger = [accrualA, { ...rejected, occurredAt: at("2023-01-02") }];
    expect(ledgerBalance(ledger, accrualA.occurredAt).accruedMinutes).toBe(0);
    expect(ledgerBalance(ledger, at("2023-01-03")).owedMinutes).toBe(120);
  });

  it("never expires more than was accrued", () => {
    const minutes = fc.integer({ min: 0, max: 1_000 });
    const day = fc.integer({ min: 0, max: 400 });
    const base = at("2023-01-01T00:00:00Z").getTime();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(minutes, day), { maxLength: 12 }),
        fc.array(fc.tuple(minutes, day), { maxLength: 12 }),
        (accrualSpecs, claimSpecs) => {
          const accruals = accrualSpecs.map(([amount, offset]) => ({
            minutes: amount,
            occurredAt: new Date(base + offset * DAY),
            expiresAt: new Date(base + (offset + 90) * DAY),
          }));
          const claims = claimSpecs.map(([amount, offset]) => ({
            minutes: amount,
            occurredAt: new Date(base + offset * DAY),
            status: "approved" as const,
          }));
          const asOf = new Date(base + 600 * DAY); // everything has expired by then
          const expired = expiryLines(accruals, claims, asOf).reduce((s, l) => s + l.minutes, 0);
          const accrued = accruals.reduce((sum, accrual) => sum + accrual.minutes, 0);
          const claimed = claims.reduce((sum, taken) => sum + taken.minutes, 0);
          expect(expired).toBeLessThanOrEqual(accrued);
          // With no claims, everything expires.
          if (claimed === 0) expect(expired).toBe(accrued);
        },
      ),
    );
  });
});

describe("owedOlderThan", () => {
  const asOf = at("2023-03-01T00:00:00Z"); // 30 days earlier is 2023-01-30T00:00Z
  const accrual = (minutes: number, iso: string): LedgerLine => ({
    kind: "accrual",
    minutes,
    occurredAt: at(iso),
    expiresAt: new Date(at(iso).getTime() + 90 * DAY),
  });

  it("counts what is left of accruals older than 30 days after oldest-first claims", () => {
    const ledger: LedgerLine[] = [
      accrual(600, "2023-01-01T03:00:00Z"), // 59 days old
      accrual(600, "2023-02-20T03:00:00Z"), // 9 days old: not counted
      { kind: "claim", minutes: 100, occurredAt: at("2023-02-25"), status: "approved" },
      { kind: "adjustment", minutes: 300, occurredAt: at("2023-01-01") }, // adjustments do not age
    ];
    // The claim takes 100 from the January accrual: 600 − 100 = 500 old minutes remain.
    expect(owedOlderThan(ledger, asOf, 30)).toBe(500);
  });

  it("does not count an accrual exactly 30 days old", () => {
    expect(owedOlderThan([accrual(960, "2023-01-30T00:00:00Z")], asOf, 30)).toBe(0);
    expect(owedOlderThan([accrual(960, "2023-01-29T23:59:00Z")], asOf, 30)).toBe(960);
  });

  it("lets a negative adjustment use up the oldest accrual like a claim", () => {
    const ledger: LedgerLine[] = [
      accrual(600, "2023-01-01T03:00:00Z"),
      { kind: "adjustment", minutes: -200, occurredAt: at("2023-01-05") },
    ];
    expect(owedOlderThan(ledger, asOf, 30)).toBe(400); // 600 − 200
  });
});

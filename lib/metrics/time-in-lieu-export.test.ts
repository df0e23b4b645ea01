import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodStatement, statementInHours } from "./time-in-lieu-export";
import type { LedgerLine } from "./time-in-lieu-ledger";

const at = (iso: string) => new Date(iso);

describe("periodStatement", () => {
  it("states the opening balance, the period's movements and the closing balance", () => {
    const ledger: LedgerLine[] = [
      { kind: "accrual", minutes: 180, occurredAt: at("2026-01-01T20:00:00Z") },
      { kind: "accrual", minutes: 120, occurredAt: at("2026-02-02T20:00:00Z") },
      { kind: "claim", minutes: 240, occurredAt: at("2026-03-15T00:00:00Z"), status: "approved" },
      { kind: "claim", minutes: 30, occurredAt: at("2026-03-20T00:00:00Z"), status: "pending" },
      { kind: "adjustment", minutes: -15, occurredAt: at("2026-03-21T00:00:00Z") },
      { kind: "expiry", minutes: 45, occurredAt: at("2026-05-03T20:00:00Z") },
    ];
    // From 1 February to 1 June: 180 owed at the start; +120, −15, −240 taken, −45 lapsed → 0.
    expect(periodStatement(ledger, at("2026-02-01T00:00:00Z"), at("2026-06-01T00:00:00Z"))).toEqual(
      {
        openingMinutes: 180,
        accruedMinutes: 120,
        adjustedMinutes: -15,
        claimedMinutes: 240,
        expiredMinutes: 45,
        closingMinutes: 0,
        pendingClaimMinutes: 30,
      },
    );
  });
});

describe("statementInHours", () => {
  it("rounds running totals so the row adds up to the cent (203 min is 3.3833 h)", () => {
    const hours = statementInHours({
      openingMinutes: 203,
      accruedMinutes: 203,
      adjustedMinutes: -17,
      claimedMinutes: 100,
      expiredMinutes: 50,
      closingMinutes: 239,
      pendingClaimMinutes: 45,
    });
    // Running totals 203, 406, 389, 289, 239 min → 3.38, 6.77, 6.48, 4.82, 3.98 h.
    expect(hours).toEqual({
      openingHours: 3.38,
      accruedHours: 3.39,
      adjustedHours: -0.29,
      claimedHours: 1.66,
      expiredHours: 0.84,
      closingHours: 3.98,
      pendingClaimHours: 0.75,
    });
  });

  it("always adds up, with every column within 0.01 h of its exact value", () => {
    const minutes = fc.integer({ min: 0, max: 100_000 });
    fc.assert(
      fc.property(
        minutes,
        minutes,
        fc.integer({ min: -5_000, max: 5_000 }),
        minutes,
        minutes,
        (o, a, j, c, x) => {
          const row = statementInHours({
            openingMinutes: o,
            accruedMinutes: a,
            adjustedMinutes: j,
            claimedMinutes: c,
            expiredMinutes: x,
            closingMinutes: o + a + j - c - x,
            pendingClaimMinutes: 0,
          });
          const cents = (hours: number) => Math.round(hours * 100);
          expect(
            cents(row.openingHours) +
              cents(row.accruedHours) +
              cents(row.adjustedHours) -
              cents(row.claimedHours) -
              cents(row.expiredHours),
          ).toBe(cents(row.closingHours));
          for (const [shown, exact] of [
            [row.openingHours, o],
            [row.accruedHours, a],
            [row.adjustedHours, j],
            [row.claimedHours, c],
            [row.expiredHours, x],
          ] as const) {
            expect(Math.abs(shown - exact / 60)).toBeLessThanOrEqual(0.0100001);
          }
        },
      ),
    );
  });
});

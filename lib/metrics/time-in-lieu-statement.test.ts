import { describe, expect, it } from "vitest";
import { type StoredLedgerLine, timeInLieuLedger } from "./time-in-lieu-statement";

const at = (iso: string) => new Date(iso);
const line = (
  id: number,
  kind: StoredLedgerLine["kind"],
  minutes: number,
  occurredAt: string,
  extra: Partial<StoredLedgerLine> = {},
): StoredLedgerLine => ({
  id,
  kind,
  minutes,
  occurredAt: at(occurredAt),
  rule: null,
  note: null,
  ...extra,
});

describe("timeInLieuLedger", () => {
  const stored = [
    line(1, "accrual", 120, "2026-01-10T02:00:00Z", {
      expiresAt: at("2026-04-10T02:00:00Z"),
      rule: "sleep band: minimum 2 h applies → 120 min",
    }),
    line(2, "accrual", 90, "2026-02-01T20:00:00Z", { expiresAt: at("2026-05-02T20:00:00Z") }),
    line(3, "claim", 60, "2026-03-02T08:00:00Z", {
      status: "approved",
      note: "Monday morning off",
    }),
    line(4, "claim", 240, "2026-03-09T08:00:00Z", { status: "rejected" }),
    line(5, "adjustment", -30, "2026-03-15T12:00:00Z", { note: "Counted twice" }),
    line(6, "expiry", 999, "2026-01-01T00:00:00Z"), // a stale stored expiry: ignored
  ];

  it("lists every line with its rule and a running balance, expiries replayed", () => {
    const { lines, balance } = timeInLieuLedger(stored, at("2026-06-01T00:00:00Z"));
    // The claim and the correction use up 90 of the January 120 first: 30 lapse on 10 April;
    // the February 90 lapse untouched on 2 May. Owed 0.
    expect(
      lines.map((entry) => [entry.id, entry.kind, entry.minutes, entry.balanceMinutes]),
    ).toEqual([
      [1, "accrual", 120, 120],
      [2, "accrual", 90, 210],
      [3, "claim", 60, 150],
      [4, "claim", 240, 150],
      [5, "adjustment", -30, 120],
      [null, "expiry", 30, 90],
      [null, "expiry", 90, 0],
    ]);
    expect(lines[5]?.rule).toBe(
      "30 min of the accrual of 2026-01-10 not taken before it lapsed on 2026-04-10",
    );
    expect(balance).toMatchObject({
      accruedMinutes: 210,
      adjustedMinutes: -30,
      claimedMinutes: 60,
      expiredMinutes: 120,
      owedMinutes: 0,
    });
  });

  it("states the ledger as of a date: later lines and later expiries are not there yet", () => {
    const { lines, balance } = timeInLieuLedger(stored, at("2026-04-01T00:00:00Z"));
    expect(lines.map((entry) => entry.id)).toEqual([1, 2, 3, 4, 5]);
    expect(balance.owedMinutes).toBe(120);
  });
});

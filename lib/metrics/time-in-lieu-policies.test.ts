import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_IN_LIEU_POLICY } from "./time-in-lieu";
import { choosePolicy, type DatedTimeInLieuPolicy } from "./time-in-lieu-policies";

const at = (iso: string) => new Date(iso);
const policy = (
  teamId: number | null,
  effectiveFrom: string,
  minimumOffMinutes: number,
): DatedTimeInLieuPolicy => ({
  ...DEFAULT_TIME_IN_LIEU_POLICY,
  teamId,
  effectiveFrom: at(effectiveFrom),
  minimumOffMinutes,
});

describe("choosePolicy", () => {
  const policies = [
    policy(null, "2025-01-01T00:00:00Z", 45),
    policy(7, "2026-01-01T00:00:00Z", 90),
    policy(7, "2026-07-01T00:00:00Z", 120),
  ];

  it("takes the team's policy in effect at the call-out's start", () => {
    expect(choosePolicy(policies, 7, at("2026-03-01T02:00:00Z")).minimumOffMinutes).toBe(90);
    expect(choosePolicy(policies, 7, at("2026-07-01T00:00:00Z")).minimumOffMinutes).toBe(120);
  });

  it("falls back to the organisation default before the team had one, and for other teams", () => {
    expect(choosePolicy(policies, 7, at("2025-12-31T23:59:59Z")).minimumOffMinutes).toBe(45);
    expect(choosePolicy(policies, 8, at("2026-03-01T00:00:00Z")).minimumOffMinutes).toBe(45);
    expect(choosePolicy(policies, null, at("2026-03-01T00:00:00Z")).minimumOffMinutes).toBe(45);
  });

  it("falls back to the product defaults when nothing is in effect yet", () => {
    expect(choosePolicy(policies, 8, at("2024-06-01T00:00:00Z")).minimumOffMinutes).toBe(60);
    expect(choosePolicy([], 7, at("2026-01-01T00:00:00Z"))).toEqual(DEFAULT_TIME_IN_LIEU_POLICY);
  });

  it("does not depend on the order of the policies", () => {
    const reversed = [...policies].reverse();
    expect(choosePolicy(reversed, 7, at("2026-08-01T00:00:00Z")).minimumOffMinutes).toBe(120);
  });
});

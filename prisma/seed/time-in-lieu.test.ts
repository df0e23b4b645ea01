import { describe, expect, it } from "vitest";
import { demoOrganisation } from "./demo-organisation";
import { buildOrganisation } from "./organisation";
import { byId } from "./organisation-types";
import { buildShifts } from "./rotations";
import { timeInLieuEntries, timeInLieuPolicies } from "./time-in-lieu";
import { DAY } from "./zoned-time";

const from = Date.parse("2025-07-01T00:00:00Z");
const until = Date.parse("2026-11-21T00:00:00Z");
const organisation = buildOrganisation(demoOrganisation, 1);
const shifts = buildShifts(organisation, from, until, 1);
const entries = timeInLieuEntries(organisation, shifts, until, 1);

describe("time in lieu", () => {
  it("has an organisation default and a Platform override from a later date", () => {
    const policies = timeInLieuPolicies(organisation, from, until);
    expect(policies.map((policy) => policy.teamId)).toEqual([
      null,
      organisation.teams.find((team) => team.name === "Platform")?.id,
    ]);
    const [fallback, override] = policies;
    expect(fallback).toMatchObject({
      minimumOffMinutes: 60,
      minimumSleepMinutes: 120,
      expiryDays: 90,
    });
    expect(override?.effectiveFrom).toBeGreaterThan(fallback?.effectiveFrom ?? Infinity);
    expect(override?.weekendMultiplierPercent).not.toBe(fallback?.weekendMultiplierPercent);
  });

  it("writes only hand-made lines: claims by people who were on call, adjustments by their manager", () => {
    expect(new Set(entries.map((entry) => entry.kind))).toEqual(new Set(["claim", "adjustment"]));
    const onCall = new Set(
      shifts.filter((shift) => shift.level === 1).map((shift) => shift.personId),
    );
    for (const entry of entries) {
      expect(onCall.has(entry.personId)).toBe(true);
      expect(entry.createdAt).toBeLessThan(until);
      const manager = byId(organisation.people, byId(organisation.teams, entry.teamId).managerId);
      if (entry.kind === "adjustment") {
        expect(entry.createdBy).toBe(manager.email);
        expect(entry.status).toBeNull();
      } else {
        expect(entry.minutes).toBeGreaterThan(0);
        expect(entry.createdBy).toBe(byId(organisation.people, entry.personId).email);
        if (entry.status !== "pending") expect(entry.decidedBy).toBe(manager.email);
        if (entry.status === "rejected") expect(entry.decisionNote).toBeTruthy();
      }
    }
  });

  it("leaves only recent claims pending", () => {
    const claims = entries.filter((entry) => entry.kind === "claim");
    const statuses = new Set(claims.map((claim) => claim.status));
    expect(statuses).toEqual(new Set(["pending", "approved", "rejected"]));
    for (const claim of claims.filter((entry) => entry.status === "pending")) {
      expect(claim.createdAt).toBeGreaterThan(until - 45 * DAY);
    }
    expect(entries.map((entry) => entry.id)).toEqual(entries.map((_, index) => index + 1));
  });
});

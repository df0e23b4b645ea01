import { describe, expect, it } from "vitest";
import { describeIssues } from "@/lib/server/http/api-error";
import {
  adjustmentSchema,
  claimDecisionSchema,
  submitClaimSchema,
  timeInLieuExportQuerySchema,
} from "./time-in-lieu-api";

const messageOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? null : describeIssues(result.error as Parameters<typeof describeIssues>[0]);

describe("submitClaimSchema", () => {
  const claim = {
    hours: 7.5,
    date: "2026-12-01",
    requestId: "3f2a9c1e-0000-4000-8000-000000000001",
  };

  it("accepts quarter hours up to a day, with a trimmed note", () => {
    expect(submitClaimSchema.parse({ ...claim, note: "  dentist  " })).toEqual({
      ...claim,
      note: "dentist",
    });
    expect(submitClaimSchema.safeParse({ ...claim, hours: 0.25 }).success).toBe(true);
    expect(submitClaimSchema.safeParse({ ...claim, hours: 24 }).success).toBe(true);
  });

  it("refuses negative, zero, absurd and odd hours with a message each", () => {
    expect(messageOf(submitClaimSchema.safeParse({ ...claim, hours: -8 }))).toBe(
      "hours: Claim more than 0 h.",
    );
    expect(messageOf(submitClaimSchema.safeParse({ ...claim, hours: 0 }))).toBe(
      "hours: Claim more than 0 h.",
    );
    expect(messageOf(submitClaimSchema.safeParse({ ...claim, hours: 10_000 }))).toBe(
      "hours: A claim is at most 24 h: claim a longer leave one day at a time.",
    );
    expect(messageOf(submitClaimSchema.safeParse({ ...claim, hours: 1.1 }))).toBe(
      "hours: Use quarter hours, e.g. 7.25, 7.5 or 7.75.",
    );
    expect(messageOf(submitClaimSchema.safeParse({ ...claim, hours: "8" }))).toBe(
      "hours: Enter the hours as a number, e.g. 7.5.",
    );
  });

  it("refuses a date that does not exist, a long note and a missing request id", () => {
    expect(messageOf(submitClaimSchema.safeParse({ ...claim, date: "2026-02-30" }))).toContain(
      'date: "2026-02-30" is not a date',
    );
    expect(messageOf(submitClaimSchema.safeParse({ ...claim, note: "x".repeat(501) }))).toBe(
      "note: Keep the note to 500 characters.",
    );
    expect(messageOf(submitClaimSchema.safeParse({ hours: 1, date: "2026-12-01" }))).toBe(
      "requestId: Missing: the form sends one per submission.",
    );
  });
});

describe("claimDecisionSchema", () => {
  it("needs a comment to reject, not to approve", () => {
    expect(claimDecisionSchema.safeParse({ decision: "approve" }).success).toBe(true);
    expect(messageOf(claimDecisionSchema.safeParse({ decision: "reject", comment: "  " }))).toBe(
      "comment: Say why the claim is rejected: the engineer sees your comment.",
    );
    expect(messageOf(claimDecisionSchema.safeParse({ decision: "maybe" }))).toBe(
      'decision: decision must be "approve" or "reject".',
    );
  });
});

describe("adjustmentSchema", () => {
  it("takes signed quarter hours up to 100 either way and a reason of 3 to 500 characters", () => {
    expect(adjustmentSchema.parse({ hours: -1.5, reason: "Counted twice" })).toEqual({
      hours: -1.5,
      reason: "Counted twice",
    });
    expect(messageOf(adjustmentSchema.safeParse({ hours: 0, reason: "None" }))).toBe(
      "hours: An adjustment of 0 h changes nothing: enter the hours.",
    );
    expect(messageOf(adjustmentSchema.safeParse({ hours: -101, reason: "Too much" }))).toBe(
      "hours: An adjustment is at most 100 h either way.",
    );
    expect(messageOf(adjustmentSchema.safeParse({ hours: 2, reason: "ok" }))).toBe(
      "reason: Give a reason of at least 3 characters: the engineer and the audit trail see it.",
    );
  });
});

describe("timeInLieuExportQuerySchema", () => {
  it("reads the period in UTC by default and refuses an empty one", () => {
    expect(timeInLieuExportQuerySchema.parse({ from: "2026-01-01", to: "2026-07-01" })).toEqual({
      from: "2026-01-01",
      to: "2026-07-01",
      tz: "UTC",
    });
    expect(
      messageOf(timeInLieuExportQuerySchema.safeParse({ from: "2026-07-01", to: "2026-07-01" })),
    ).toBe("to: must be after from (from is inclusive, to exclusive).");
  });
});

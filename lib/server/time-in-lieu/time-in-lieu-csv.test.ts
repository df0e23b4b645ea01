import { describe, expect, it } from "vitest";
import { timeInLieuExportCsv } from "./time-in-lieu-csv";

describe("timeInLieuExportCsv", () => {
  it("writes one row per person, numbers as numbers, and defuses formula-like text", () => {
    const csv = timeInLieuExportCsv([
      {
        person: '=HYPERLINK("x")',
        email: "ada@example.test",
        pagerdutyId: null,
        teams: ["Payments", "Search"],
        openingHours: 0,
        accruedHours: 5,
        adjustedHours: -0.5,
        claimedHours: 4,
        expiredHours: 0.5,
        closingHours: 0,
        pendingClaimHours: 1.25,
      },
    ]);
    expect(csv.split("\n")).toEqual([
      "person,email,pagerduty_id,teams,owed_at_start_hours,accrued_hours,adjusted_hours,approved_claims_hours,expired_hours,owed_at_end_hours,pending_claims_at_end_hours",
      '"\'=HYPERLINK(""x"")",ada@example.test,,Payments; Search,0,5,-0.5,4,0.5,0,1.25',
      "",
    ]);
  });
});

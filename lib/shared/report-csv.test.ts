import { describe, expect, it } from "vitest";
import type { Report, ReportPersonRow } from "./report";
import { reportToCsv } from "./report-csv";

const person: ReportPersonRow = {
  email: "märta@example.com",
  name: 'Märta "M" Sjöberg',
  timeZone: "Europe/Stockholm",
  pagerdutyId: "PABC123",
  teams: ["Payments", "Platform"],
  interruptions: { business: 3, off: 2, sleep: 1 },
  wakeups: 1,
  offHoursCallouts: 2,
  onCall: {
    hours: 168,
    businessHours: 50,
    offHours: 48,
    sleepHours: 70,
    weekendHours: 48,
    holidayHours: 0,
    level1Hours: 168,
    level2PlusHours: 0,
    weeks: 1,
    meanIntervalWeeks: null,
    longestStreakWeeks: 1,
  },
  toil: {
    openingHours: 1,
    accruedHours: 3.38,
    adjustedHours: 0,
    claimedHours: 2,
    expiredHours: 0,
    pendingClaimHours: 0.5,
    owedHours: 2.38,
  },
  restBreaches: 1,
  burnoutRisk: { level: "medium", reasons: ["1 wake-up in 28 days (medium from 1)", "x, y"] },
};

const report = {
  range: {
    from: "2026-07-01T00:00:00+02:00",
    to: "2026-10-01T00:00:00+02:00",
    timeZone: "Europe/Stockholm",
  },
  people: [person],
  teams: [
    {
      name: "Payments",
      pagerdutyId: null,
      members: [],
      fairness: { onCallHoursGini: 0.25, interruptionsGini: 0.5, weekendHolidayHoursGini: null },
      lorenz: { onCallHours: [], interruptions: [], weekendHolidayHours: [] },
    },
  ],
} as unknown as Report;

describe("reportToCsv", () => {
  const lines = reportToCsv(report).trimEnd().split("\n");
  const header = lines[0]?.split(",") ?? [];
  const cell = (line: number, column: string) => {
    const values =
      lines[line]?.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((v) => v.replace(/,$/, "")) ?? [];
    return values[header.indexOf(column)];
  };

  it("writes a row per person, then per team, with the range on each", () => {
    expect(lines).toHaveLength(3);
    expect(cell(1, "kind")).toBe("person");
    expect(cell(2, "kind")).toBe("team");
    expect(cell(2, "from")).toBe("2026-07-01T00:00:00+02:00");
  });

  it("quotes names with quotes and joins lists with semicolons", () => {
    expect(cell(1, "name")).toBe('"Märta ""M"" Sjöberg"');
    expect(cell(1, "teams")).toBe("Payments; Platform");
    expect(cell(1, "burnout_reasons")).toBe('"1 wake-up in 28 days (medium from 1); x, y"');
  });

  it("leaves no-value cells empty rather than writing null or 0", () => {
    expect(cell(1, "mean_interval_weeks")).toBe("");
    expect(cell(1, "on_call_hours_gini")).toBe("");
    expect(cell(2, "weekend_holiday_hours_gini")).toBe("");
    expect(cell(2, "on_call_hours_gini")).toBe("0.25");
    expect(cell(1, "toil_owed_hours")).toBe("2.38");
  });
});

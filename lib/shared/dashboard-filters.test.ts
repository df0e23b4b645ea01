import { describe, expect, it } from "vitest";
import {
  addQuarters,
  dashboardQueryString,
  defaultQuarter,
  previousPeriodFilters,
  quarterOf,
  quarterOfRange,
  quarterRange,
  readDashboardFilters,
  readTrendQuarters,
  trendFilters,
} from "./dashboard-filters";

const defaults = { from: "2026-07-01", to: "2026-10-01", tz: "UTC" };

describe("quarters", () => {
  it("steps across year boundaries both ways", () => {
    expect(addQuarters({ year: 2026, quarter: 1 }, -1)).toEqual({ year: 2025, quarter: 4 });
    expect(addQuarters({ year: 2026, quarter: 4 }, 1)).toEqual({ year: 2027, quarter: 1 });
    expect(addQuarters({ year: 2026, quarter: 3 }, -7)).toEqual({ year: 2024, quarter: 4 });
  });

  it("gives a quarter's [from, to) as local dates", () => {
    expect(quarterRange({ year: 2026, quarter: 4 })).toEqual({
      from: "2026-10-01",
      to: "2027-01-01",
    });
    expect(quarterOfRange({ from: "2026-07-01", to: "2026-10-01" })).toEqual({
      year: 2026,
      quarter: 3,
    });
    expect(quarterOfRange({ from: "2026-07-01", to: "2026-09-30" })).toBeNull();
    expect(quarterOfRange({ from: "2026-08-01", to: "2026-11-01" })).toBeNull();
  });

  it("reads the quarter on the zone's wall calendar", () => {
    // 23:30 UTC on 30 September is already 1 October in Stockholm (UTC+2).
    const instant = new Date("2026-09-30T23:30:00Z");
    expect(quarterOf(instant, "UTC")).toEqual({ year: 2026, quarter: 3 });
    expect(quarterOf(instant, "Europe/Stockholm")).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf(instant, "America/Los_Angeles")).toEqual({ year: 2026, quarter: 3 });
  });

  it("opens on the last ended quarter, or the last quarter with data when that is earlier", () => {
    const now = new Date("2026-11-21T12:00:00Z");
    expect(defaultQuarter(now, new Date("2026-11-20T00:00:00Z"), "UTC")).toEqual({
      year: 2026,
      quarter: 3,
    });
    expect(defaultQuarter(now, new Date("2026-03-02T00:00:00Z"), "UTC")).toEqual({
      year: 2026,
      quarter: 1,
    });
    expect(defaultQuarter(now, null, "UTC")).toEqual({ year: 2026, quarter: 3 });
  });
});

describe("readDashboardFilters", () => {
  it("reads every filter from the URL", () => {
    const filters = readDashboardFilters(
      new URLSearchParams(
        "from=2026-01-01&to=2026-04-01&tz=Europe/Stockholm&team=Payments&service=API&urgency=high",
      ),
      defaults,
    );
    expect(filters).toEqual({
      from: "2026-01-01",
      to: "2026-04-01",
      tz: "Europe/Stockholm",
      team: "Payments",
      service: "API",
      urgency: "high",
    });
    expect(dashboardQueryString(filters)).toBe(
      "from=2026-01-01&to=2026-04-01&tz=Europe%2FStockholm&team=Payments&service=API&urgency=high",
    );
  });

  it("takes quarter= as a shorthand and falls back to the defaults for what it cannot read", () => {
    expect(readDashboardFilters({ quarter: "2025-Q4" }, defaults)).toEqual({
      from: "2025-10-01",
      to: "2026-01-01",
      tz: "UTC",
    });
    expect(
      readDashboardFilters(
        { from: "2026-13-01", to: "2026-02-01", tz: "Mars/Olympus", urgency: "urgent" },
        defaults,
      ),
    ).toEqual(defaults);
    expect(readDashboardFilters({ from: "2026-05-01", to: "2026-04-01" }, defaults)).toEqual(
      defaults,
    );
    // 30 February does not exist; 36 years is more than a range may span.
    expect(readDashboardFilters({ from: "2026-02-30", to: "2026-04-01" }, defaults)).toEqual(
      defaults,
    );
    expect(readDashboardFilters({ from: "1990-01-01", to: "2026-01-01" }, defaults)).toEqual(
      defaults,
    );
    expect(readDashboardFilters({ team: ["A", "B"], service: "  " }, defaults)).toEqual({
      ...defaults,
      team: "B",
    });
  });
});

describe("previousPeriodFilters", () => {
  it("compares a quarter with the quarter before", () => {
    expect(previousPeriodFilters({ ...defaults, team: "Payments" })).toEqual({
      from: "2026-04-01",
      to: "2026-07-01",
      tz: "UTC",
      team: "Payments",
    });
  });

  it("compares any other range with as many days just before it", () => {
    // 1–15 March is 14 days, so the period before is 15 February to 1 March (2026 is no leap year).
    expect(previousPeriodFilters({ from: "2026-03-01", to: "2026-03-15", tz: "UTC" })).toEqual({
      from: "2026-02-15",
      to: "2026-03-01",
      tz: "UTC",
    });
  });
});

describe("trendFilters", () => {
  it("reaches back to cover the chosen number of quarters, ending with the selected one", () => {
    expect(trendFilters(defaults, 8)).toEqual({ ...defaults, from: "2024-10-01" });
    expect(trendFilters(defaults, 4)).toEqual({ ...defaults, from: "2025-10-01" });
    const custom = { from: "2026-03-01", to: "2026-03-15", tz: "UTC" };
    expect(trendFilters(custom, 8)).toEqual(custom);
    expect(readTrendQuarters({ quarters: "4" })).toBe(4);
    expect(readTrendQuarters({ quarters: "5" })).toBe(8);
  });
});

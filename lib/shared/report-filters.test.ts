import { describe, expect, it } from "vitest";
import { parseLocalDateTime, reportFiltersSchema } from "./report-filters";

describe("parseLocalDateTime", () => {
  it("reads a date as local midnight in the zone", () => {
    // Stockholm is UTC+2 in summer: local midnight 1 July is 22:00 UTC on 30 June.
    expect(parseLocalDateTime("2026-07-01", "Europe/Stockholm")?.toISOString()).toBe(
      "2026-06-30T22:00:00.000Z",
    );
    // New York is UTC−5 in winter.
    expect(parseLocalDateTime("2026-01-01T09:30", "America/New_York")?.toISOString()).toBe(
      "2026-01-01T14:30:00.000Z",
    );
    expect(parseLocalDateTime("2026-10-01", "UTC")?.toISOString()).toBe("2026-10-01T00:00:00.000Z");
  });

  it("handles a DST day: 29 March 2026 in Stockholm has 23 hours", () => {
    const start = parseLocalDateTime("2026-03-29", "Europe/Stockholm");
    const end = parseLocalDateTime("2026-03-30", "Europe/Stockholm");
    expect(start && end ? (end.getTime() - start.getTime()) / 3_600_000 : null).toBe(23);
  });

  it("rejects impossible dates and other formats instead of rolling them over", () => {
    expect(parseLocalDateTime("2026-02-30", "UTC")).toBeNull();
    expect(parseLocalDateTime("01/07/2026", "UTC")).toBeNull();
  });
});

describe("reportFiltersSchema", () => {
  it("turns the range into UTC instants with from inclusive, to exclusive", () => {
    const filters = reportFiltersSchema.parse({
      from: "2026-07-01",
      to: "2026-10-01",
      timeZone: "America/Los_Angeles",
    });
    expect(filters.range.start.toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(filters.range.end.toISOString()).toBe("2026-10-01T07:00:00.000Z");
  });

  it("defaults the zone to UTC", () => {
    expect(reportFiltersSchema.parse({ from: "2026-07-01", to: "2026-07-02" }).timeZone).toBe(
      "UTC",
    );
  });

  it("explains an unknown zone, a bad date and a reversed range", () => {
    const messages = (input: Record<string, string>) => {
      const result = reportFiltersSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(messages({ from: "2026-07-01", to: "2026-10-01", timeZone: "Mars/Olympus" })).toEqual([
      'Unknown time zone "Mars/Olympus": use an IANA name such as Europe/Stockholm or UTC.',
    ]);
    expect(messages({ from: "July", to: "2026-10-01" })[0]).toContain('"July" is not a date');
    expect(messages({ from: "2026-10-01", to: "2026-07-01" })).toEqual([
      "must be after from (from is inclusive, to exclusive).",
    ]);
  });
});

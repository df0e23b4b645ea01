import { describe, expect, it } from "vitest";
import { reportRange } from "./report-filters";
import { reportQuerySchema, seriesQuerySchema } from "./report-query";

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("reportQuerySchema", () => {
  it("reads from and to in the zone named by tz", () => {
    const filters = reportQuerySchema.parse({
      from: "2026-07-01",
      to: "2026-10-01",
      tz: "Europe/Stockholm",
      team: "Payments",
      urgency: "high",
    });
    // Stockholm is UTC+2 in summer: local midnight is 22:00 UTC the day before.
    expect(filters.range.start.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(filters.range.end.toISOString()).toBe("2026-09-30T22:00:00.000Z");
    expect(filters).toMatchObject({
      timeZone: "Europe/Stockholm",
      team: "Payments",
      urgency: "high",
    });
    expect(reportRange(filters)).toEqual({
      from: "2026-07-01T00:00:00+02:00",
      to: "2026-10-01T00:00:00+02:00",
      timeZone: "Europe/Stockholm",
    });
  });

  it("defaults tz to UTC and ignores keys it does not know", () => {
    const filters = reportQuerySchema.parse({ from: "2026-07-01", to: "2026-08-01", page: "2" });
    expect(filters.timeZone).toBe("UTC");
    expect(filters.range.start.toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(filters).not.toHaveProperty("page");
  });

  it("reports a bad zone against tz, with the fix in the message", () => {
    expect(
      messages(
        reportQuerySchema.safeParse({ from: "2026-07-01", to: "2026-10-01", tz: "Mars/Olympus" }),
      ),
    ).toEqual([
      'tz: Unknown time zone "Mars/Olympus": use an IANA name such as Europe/Stockholm or UTC.',
    ]);
  });

  it("explains a missing date, a bad date, a reversed range and a bad urgency", () => {
    expect(messages(reportQuerySchema.safeParse({ to: "2026-10-01" }))).toEqual([
      "from: from is required: a date like 2026-07-01, read in tz.",
    ]);
    expect(messages(reportQuerySchema.safeParse({ from: "July", to: "2026-10-01" }))).toEqual([
      'from: "July" is not a date like 2026-07-01 or 2026-07-01T09:00.',
    ]);
    expect(messages(reportQuerySchema.safeParse({ from: "2026-10-01", to: "2026-07-01" }))).toEqual(
      ["to: must be after from (from is inclusive, to exclusive)."],
    );
    const urgency = messages(
      reportQuerySchema.safeParse({ from: "2026-07-01", to: "2026-10-01", urgency: "urgent" }),
    );
    expect(urgency).toHaveLength(1);
    expect(urgency[0]).toMatch(/^urgency: /);
  });
});

describe("seriesQuerySchema", () => {
  it("adds the interval, month by default", () => {
    const query = { from: "2026-01-01", to: "2027-01-01", tz: "America/New_York" };
    const monthly = seriesQuerySchema.parse(query);
    expect(monthly.interval).toBe("month");
    // New York is UTC−5 in winter.
    expect(monthly.range.start.toISOString()).toBe("2026-01-01T05:00:00.000Z");
    expect(monthly.timeZone).toBe("America/New_York");
    expect(seriesQuerySchema.parse({ ...query, interval: "quarter" }).interval).toBe("quarter");
  });

  it("rejects an unknown interval and a bad zone in one answer", () => {
    expect(
      messages(
        seriesQuerySchema.safeParse({
          from: "2026-01-01",
          to: "2027-01-01",
          tz: "Nowhere",
          interval: "week",
        }),
      ),
    ).toEqual([
      'tz: Unknown time zone "Nowhere": use an IANA name such as Europe/Stockholm or UTC.',
      "interval: interval must be month or quarter.",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_METRIC_SETTINGS, metricSettingsSchema } from "./metric-settings";

const issuesOf = (input: unknown) => {
  const result = metricSettingsSchema.safeParse(input);
  if (result.success) throw new Error("expected the settings to be refused");
  return result.error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
};

describe("metricSettingsSchema", () => {
  it("defaults to the numbers PRODUCT.md states", () => {
    expect(DEFAULT_METRIC_SETTINGS).toEqual({
      accountTimeZone: "UTC",
      // business Mon–Fri 08:00–18:00, sleep every day 22:00–08:00
      hourBands: {
        businessStartHour: 8,
        businessEndHour: 18,
        sleepStartHour: 22,
        sleepEndHour: 8,
        businessDays: [1, 2, 3, 4, 5],
      },
      // phone, SMS or push (never email), pages within 60 s are one interruption
      interruptions: { windowSeconds: 60, channels: ["phone", "sms", "push"] },
      // chained while each starts within 60 min; worked time capped at 12 h
      callOuts: { chainWindowMinutes: 60, maxDurationHours: 12 },
      // ≥ 24 h of level 1 is an on-call week; healthy: a run of ≤ 2 weeks every 4–7 weeks
      onCall: {
        weekMinimumHours: 24,
        healthyIntervalWeeksFrom: 4,
        healthyIntervalWeeksTo: 7,
        healthyStreakWeeksUpTo: 2,
      },
      // 11 h of rest; Sweden requires night rest 00:00–05:00
      rest: {
        minimumRestHours: 11,
        nightRestRegions: ["SE"],
        nightRestStartHour: 0,
        nightRestEndHour: 5,
      },
      detection: {
        testPattern: "paging test|test page",
        customerServicePattern: "customer|support",
        customerTitlePattern: null,
        supportEmailDomains: [],
      },
      // 28 days; high: ≥ 3 wake-ups, streak ≥ 3, interval < 3, ≥ 2 breaches;
      // medium: ≥ 1 wake-up, ≥ 6 off-hours interruptions, interval < 4, owed > 16 h older than 30 days
      burnout: {
        windowDays: 28,
        highWakeUpsFrom: 3,
        highStreakWeeksFrom: 3,
        highIntervalWeeksBelow: 3,
        highRestBreachesFrom: 2,
        mediumWakeUpsFrom: 1,
        mediumOffHoursInterruptionsFrom: 6,
        mediumIntervalWeeksBelow: 4,
        mediumOwedMinutesAbove: 960,
        owedOlderThanDays: 30,
      },
      // auto-resolved within 5 min
      noise: { autoResolveMinutes: 5, offHoursAlertKindsAllowed: 10 },
    });
  });

  it("fills a partial document in with defaults, field by field within a section", () => {
    const settings = metricSettingsSchema.parse({
      accountTimeZone: "Europe/Stockholm",
      hourBands: { businessStartHour: 9 },
      detection: { testPattern: "canary", supportEmailDomains: ["@Support.Example.com"] },
    });
    expect(settings.accountTimeZone).toBe("Europe/Stockholm");
    expect(settings.hourBands).toEqual({
      ...DEFAULT_METRIC_SETTINGS.hourBands,
      businessStartHour: 9,
    });
    expect(settings.detection).toEqual({
      testPattern: "canary",
      customerServicePattern: "customer|support",
      customerTitlePattern: null,
      supportEmailDomains: ["support.example.com"],
    });
    expect(settings.rest).toEqual(DEFAULT_METRIC_SETTINGS.rest);
  });

  it("refuses an invalid regular expression, naming the field", () => {
    const issues = issuesOf({ detection: { testPattern: "paging (test" } });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("detection.testPattern");
    expect(issues[0]?.message).toMatch(/^"paging \(test" is not a valid regular expression/);
  });

  it("refuses business hours that cross midnight, naming the end hour", () => {
    expect(issuesOf({ hourBands: { businessStartHour: 20, businessEndHour: 6 } })).toEqual([
      {
        path: "hourBands.businessEndHour",
        message: "Business hours cannot cross midnight: the end must be after the start.",
      },
    ]);
  });

  it("refuses an unknown time zone", () => {
    expect(issuesOf({ accountTimeZone: "Mars/Olympus" })[0]?.path).toBe("accountTimeZone");
  });
});

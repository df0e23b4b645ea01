import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";
import { getMetricSettings, METRIC_SETTINGS_KEY } from "./get-metric-settings";
import { saveMetricSettings } from "./save-metric-settings";

const EVENTS_API = {
  triggerChannel: "events_api",
  triggerAgentType: "generic_events_api_inbound_integration_reference",
  status: "resolved" as const,
  createdAt: new Date("2026-07-02T10:00:00Z"),
};

describe("saveMetricSettings and getMetricSettings", () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    const checkout = await database.db.service.create({ data: { name: "Checkout API" } });
    // Labelled as the default rules label them.
    await database.db.incident.createMany({
      data: [
        {
          ...EVENTS_API,
          pagerdutyId: "PTEST",
          title: "Weekly paging test",
          serviceId: checkout.id,
          detectionSource: "test",
          detectionRule: "title matches the test pattern /paging test|test page/i",
        },
        {
          ...EVENTS_API,
          pagerdutyId: "PCANARY",
          title: "Canary checks failing",
          serviceId: checkout.id,
          detectionSource: "monitoring",
          detectionRule: "triggered by an integration (Events API)",
        },
      ],
    });
  });

  const storedRow = () =>
    database.db.setting.findUnique({
      where: { key: METRIC_SETTINGS_KEY },
      select: { value: true, updatedBy: true, updatedAt: true },
    });
  const sources = async () =>
    Object.fromEntries(
      (
        await database.db.incident.findMany({
          select: { pagerdutyId: true, detectionSource: true },
        })
      ).map((row) => [row.pagerdutyId, row.detectionSource]),
    );

  it("answers the defaults while nothing is saved", async () => {
    expect(await getMetricSettings(database.db)).toEqual(DEFAULT_METRIC_SETTINGS);
  });

  it("stores only the submitted fields and does not recompute when detection is unchanged", async () => {
    const result = await saveMetricSettings(
      database.db,
      { hourBands: { businessStartHour: 9 } },
      "ada@example.com",
    );
    expect(result.detectionRecomputed).toBeNull();
    // Bands decide which call-outs are off hours, so time in lieu is derived again (no pages here).
    expect(result.timeInLieuRederived).toMatchObject({ people: 0, accruals: 0 });
    expect(result.settings.hourBands).toEqual({
      ...DEFAULT_METRIC_SETTINGS.hourBands,
      businessStartHour: 9,
    });
    const row = await storedRow();
    expect(row?.value).toEqual({ hourBands: { businessStartHour: 9 } });
    expect(row?.updatedBy).toBe("ada@example.com");
    expect(await getMetricSettings(database.db)).toEqual(result.settings);
  });

  it("merges a section over the stored document and recomputes when the test pattern changes", async () => {
    const result = await saveMetricSettings(database.db, { detection: { testPattern: "canary" } });
    // Both incidents change: the paging test is no longer a test, the canary check now is.
    expect(result.detectionRecomputed).toEqual({ examined: 2, changed: 2 });
    expect(result.timeInLieuRederived).not.toBeNull();
    expect(await sources()).toEqual({ PTEST: "monitoring", PCANARY: "test" });
    const row = await storedRow();
    expect(row?.value).toEqual({
      hourBands: { businessStartHour: 9 },
      detection: { testPattern: "canary" },
    });
    expect(row?.updatedBy).toBeNull();
  });

  it("merges field by field within a section, validating against what is stored", async () => {
    const result = await saveMetricSettings(database.db, { hourBands: { businessStartHour: 6 } });
    expect(result.detectionRecomputed).toBeNull();
    // Alone, an end of 7 would cross midnight against the default start of 8; the stored start is 6.
    await saveMetricSettings(database.db, { hourBands: { businessEndHour: 7 } });
    expect((await storedRow())?.value).toEqual({
      hourBands: { businessStartHour: 6, businessEndHour: 7 },
      detection: { testPattern: "canary" },
    });
  });

  it("stores normalised values and recomputes when any detection rule changes", async () => {
    const result = await saveMetricSettings(database.db, {
      detection: { supportEmailDomains: ["@Support.Example.com"] },
      somethingUnknown: true,
    });
    // The rules changed, but neither incident's label does.
    expect(result.detectionRecomputed).toEqual({ examined: 2, changed: 0 });
    expect((await storedRow())?.value).toEqual({
      hourBands: { businessStartHour: 6, businessEndHour: 7 },
      detection: { testPattern: "canary", supportEmailDomains: ["support.example.com"] },
    });
  });

  it("rejects invalid input with the field named and stores nothing", async () => {
    const before = await storedRow();
    const invalid: unknown[] = [
      { detection: { testPattern: "paging (test" } },
      // Crosses midnight against the stored end of 7.
      { hourBands: { businessStartHour: 20 } },
      { accountTimeZone: "Mars/Olympus" },
      ["not", "an", "object"],
      null,
    ];
    const paths: string[] = [];
    for (const input of invalid) {
      const error = await saveMetricSettings(database.db, input).catch((caught) => caught);
      expect(error).toBeInstanceOf(ZodError);
      paths.push((error as ZodError).issues.map((issue) => issue.path.join(".")).join(","));
    }
    expect(paths).toEqual([
      "detection.testPattern",
      "hourBands.businessEndHour",
      "accountTimeZone",
      "",
      "",
    ]);
    expect(await storedRow()).toEqual(before);
    expect(await sources()).toEqual({ PTEST: "monitoring", PCANARY: "test" });
  });

  it("refuses to report with a stored document that no longer validates, and saving repairs it", async () => {
    await database.db.setting.update({
      where: { key: METRIC_SETTINGS_KEY },
      data: {
        value: { detection: { testPattern: "paging (test" }, rest: { minimumRestHours: -1 } },
      },
    });
    const read = getMetricSettings(database.db);
    await expect(read).rejects.toThrow(/detection\.testPattern: "paging \(test" is not a valid/);
    await expect(read).rejects.toThrow(/rest\.minimumRestHours/);
    await expect(read).rejects.toThrow(/Data page/);

    // Saving only the broken regex is refused while the other broken field stays …
    await expect(
      saveMetricSettings(database.db, { detection: { testPattern: "paging test" } }),
    ).rejects.toThrow(ZodError);
    // … and both together repair it; the rules before could not be trusted, so it recomputes.
    const result = await saveMetricSettings(database.db, {
      detection: { testPattern: "paging test" },
      rest: { minimumRestHours: 11 },
    });
    expect(result.detectionRecomputed).toEqual({ examined: 2, changed: 2 });
    expect(result.timeInLieuRederived).not.toBeNull();
    expect(await sources()).toEqual({ PTEST: "test", PCANARY: "monitoring" });
    expect(await getMetricSettings(database.db)).toEqual(result.settings);
  });

  it("leaves time in lieu alone when only report thresholds change", async () => {
    const result = await saveMetricSettings(database.db, { burnout: { highWakeUpsFrom: 4 } });
    expect(result.timeInLieuRederived).toBeNull();
    expect(result.detectionRecomputed).toBeNull();
    expect(result.settings.burnout.highWakeUpsFrom).toBe(4);
  });
});

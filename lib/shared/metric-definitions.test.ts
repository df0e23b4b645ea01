import { describe, expect, it } from "vitest";
import { METRIC_DEFINITIONS } from "./metric-definitions";
import { DEFAULT_METRIC_SETTINGS, metricSettingsSchema } from "./metric-settings";

describe("METRIC_DEFINITIONS", () => {
  it("states the default thresholds of PRODUCT.md", () => {
    const interruptions = METRIC_DEFINITIONS.interruptions.text(DEFAULT_METRIC_SETTINGS);
    expect(interruptions).toContain("within 60 s of the first");
    expect(interruptions).toContain("business Mon–Fri 08:00–18:00, sleep 22:00–08:00");
    expect(METRIC_DEFINITIONS.restBreaches.text(DEFAULT_METRIC_SETTINGS)).toContain(
      "less than 11 h before the next business-hours start, or (SE) interrupt between 00:00 and 05:00",
    );
    expect(METRIC_DEFINITIONS.burnoutRisk.text(DEFAULT_METRIC_SETTINGS)).toContain(
      "Over the 28 days",
    );
  });

  it("states the thresholds an admin set", () => {
    const settings = metricSettingsSchema.parse({
      hourBands: { businessStartHour: 9, businessEndHour: 17.5, businessDays: [1, 2, 4] },
      rest: { minimumRestHours: 12, nightRestRegions: [] },
      callOuts: { chainWindowMinutes: 30 },
    });
    expect(METRIC_DEFINITIONS.interruptions.text(settings)).toContain(
      "business Mon, Tue, Thu 09:00–17:30",
    );
    expect(METRIC_DEFINITIONS.restBreaches.text(settings)).toBe(
      "Call-outs that leave less than 12 h before the next business-hours start. Shown to plan recovery, never to blame.",
    );
    expect(METRIC_DEFINITIONS.wakeups.text(settings)).toContain("within 30 min of the previous");
  });
});

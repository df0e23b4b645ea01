import { describe, expect, it } from "vitest";
import { createPersonCalendar } from "./holidays";
import { addInterruptions, bandOfHour, emptyInterruptionHeatmap } from "./interruption-heatmap";
import { buildInterruptions } from "./interruptions";
import { DEFAULT_HOUR_BANDS } from "./time-bands";

const calendarIn = (timeZone: string) => createPersonCalendar({ timeZone });

/** One push page per instant, each its own incident: one interruption each (pages > 60 s apart). */
const interruptionsAt = (timeZone: string, ...instants: string[]) =>
  buildInterruptions(
    instants.map((at, index) => ({
      at: new Date(at),
      channel: "push" as const,
      incidentId: index + 1,
      isTestIncident: false,
    })),
    calendarIn(timeZone),
  );

const wholeYear = {
  start: new Date("2026-01-01T00:00:00Z"),
  end: new Date("2027-01-01T00:00:00Z"),
};

/** The cells holding interruptions, as "weekday hour: count". */
const filledCells = (heatmap: ReturnType<typeof emptyInterruptionHeatmap>) =>
  heatmap.cells
    .filter((cell) => cell.count > 0)
    .map((cell) => `${cell.isoWeekday} ${String(cell.hour).padStart(2, "0")}: ${cell.count}`);

describe("emptyInterruptionHeatmap", () => {
  it("has 7 × 24 zero cells, Monday 00:00 first, banded like PRODUCT.md's defaults", () => {
    const heatmap = emptyInterruptionHeatmap(DEFAULT_HOUR_BANDS);
    expect(heatmap.cells).toHaveLength(168);
    expect(heatmap.cells[0]).toMatchObject({ isoWeekday: 1, hour: 0, count: 0, band: "sleep" });
    expect(heatmap.cells[167]).toMatchObject({ isoWeekday: 7, hour: 23, band: "sleep" });
    const bands = heatmap.cells.map((cell) => cell.band);
    // Business Mon–Fri 08–18 = 5 × 10 h; sleep 22–08 every day = 7 × 10 h; off the other 48 h.
    expect(bands.filter((band) => band === "business")).toHaveLength(50);
    expect(bands.filter((band) => band === "sleep")).toHaveLength(70);
    expect(bands.filter((band) => band === "off")).toHaveLength(48);
    expect(heatmap).toMatchObject({
      total: 0,
      maxCount: 0,
      byBand: { business: 0, off: 0, sleep: 0 },
    });
  });

  it("bands each hour by the settings in force", () => {
    expect(bandOfHour(1, 8, DEFAULT_HOUR_BANDS)).toBe("business");
    expect(bandOfHour(1, 18, DEFAULT_HOUR_BANDS)).toBe("off");
    expect(bandOfHour(6, 10, DEFAULT_HOUR_BANDS)).toBe("off");
    expect(bandOfHour(7, 7, DEFAULT_HOUR_BANDS)).toBe("sleep");
    const nineToFive = { ...DEFAULT_HOUR_BANDS, businessStartHour: 9, businessEndHour: 17 };
    expect(bandOfHour(1, 8, nineToFive)).toBe("off");
    expect(bandOfHour(1, 16, nineToFive)).toBe("business");
    expect(bandOfHour(1, 17, nineToFive)).toBe("off");
  });
});

describe("addInterruptions", () => {
  it("puts the same UTC instant in each person's own local cell", () => {
    // Wednesday 15 July 2026 02:30 UTC is Wednesday 04:30 in Stockholm (UTC+2), Tuesday 22:30
    // in New York (UTC−4) and Wednesday 08:00 in Kolkata (UTC+5:30).
    const instant = "2026-07-15T02:30:00Z";
    let heatmap = emptyInterruptionHeatmap(DEFAULT_HOUR_BANDS);
    heatmap = addInterruptions(heatmap, interruptionsAt("Europe/Stockholm", instant), wholeYear);
    heatmap = addInterruptions(heatmap, interruptionsAt("America/New_York", instant), wholeYear);
    heatmap = addInterruptions(heatmap, interruptionsAt("Asia/Kolkata", instant), wholeYear);
    expect(filledCells(heatmap)).toEqual(["2 22: 1", "3 04: 1", "3 08: 1"]);
    expect(heatmap.total).toBe(3);
    // Kolkata's 08:00 is business; the other two were asleep.
    expect(heatmap.byBand).toEqual({ business: 1, off: 0, sleep: 2 });
    expect(heatmap.maxCount).toBe(1);
  });

  it("places an interruption on a spring-forward night in its local hour", () => {
    // Stockholm, Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    // 00:30 UTC is 01:30 CET; 01:30 UTC is 03:30 CEST (there is no 02:00 hour that night).
    const heatmap = addInterruptions(
      emptyInterruptionHeatmap(DEFAULT_HOUR_BANDS),
      interruptionsAt("Europe/Stockholm", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"),
      wholeYear,
    );
    expect(filledCells(heatmap)).toEqual(["7 01: 1", "7 03: 1"]);
  });

  it("counts both 02:30s of a fall-back night in the one 02:00 cell", () => {
    // Stockholm, Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET at 01:00 UTC, so
    // 00:30 UTC (02:30 CEST) and 01:30 UTC (02:30 CET) are both 02:30 on the wall clock.
    const heatmap = addInterruptions(
      emptyInterruptionHeatmap(DEFAULT_HOUR_BANDS),
      interruptionsAt("Europe/Stockholm", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"),
      wholeYear,
    );
    expect(filledCells(heatmap)).toEqual(["7 02: 2"]);
    expect(heatmap.maxCount).toBe(2);
  });

  it("follows New York's own DST change, not Europe's", () => {
    // New York springs forward on Sunday 8 March 2026 at 07:00 UTC (02:00 EST → 03:00 EDT);
    // Stockholm is still on CET then. 07:15 UTC: 03:15 in New York, 08:15 in Stockholm.
    let heatmap = emptyInterruptionHeatmap(DEFAULT_HOUR_BANDS);
    heatmap = addInterruptions(
      heatmap,
      interruptionsAt("America/New_York", "2026-03-08T06:15:00Z", "2026-03-08T07:15:00Z"),
      wholeYear,
    );
    heatmap = addInterruptions(
      heatmap,
      interruptionsAt("Europe/Stockholm", "2026-03-08T07:15:00Z"),
      wholeYear,
    );
    // 06:15 UTC is 01:15 EST; 07:15 UTC is 03:15 EDT.
    expect(filledCells(heatmap)).toEqual(["7 01: 1", "7 03: 1", "7 08: 1"]);
    // Sunday 08:15 is off (a weekend day has no business band).
    expect(heatmap.byBand).toEqual({ business: 0, off: 1, sleep: 2 });
  });

  it("keeps the band each interruption was classified in, apart from the cell's ordinary band", () => {
    // Friday 25 December 2026 10:00 in Stockholm (09:00 UTC) is Christmas Day: off, not business.
    const heatmap = addInterruptions(
      emptyInterruptionHeatmap(DEFAULT_HOUR_BANDS),
      interruptionsAt("Europe/Stockholm", "2026-12-25T09:00:00Z"),
      wholeYear,
    );
    const cell = heatmap.cells.find((item) => item.count > 0);
    expect(cell).toMatchObject({ isoWeekday: 5, hour: 10, band: "business" });
    expect(cell?.byBand).toEqual({ business: 0, off: 1, sleep: 0 });
    expect(heatmap.byBand).toEqual({ business: 0, off: 1, sleep: 0 });
  });

  it("counts an interruption when it starts in [start, end), as the report does", () => {
    const range = {
      start: new Date("2026-07-01T00:00:00Z"),
      end: new Date("2026-08-01T00:00:00Z"),
    };
    const heatmap = addInterruptions(
      emptyInterruptionHeatmap(DEFAULT_HOUR_BANDS),
      interruptionsAt(
        "UTC",
        "2026-06-30T23:50:00Z", // before the range
        "2026-07-01T00:00:00Z", // at its start: in
        "2026-07-31T23:50:00Z", // in
        "2026-08-01T00:00:00Z", // at its end: out
      ),
      range,
    );
    // 1 July 2026 is a Wednesday, 31 July a Friday.
    expect(filledCells(heatmap)).toEqual(["3 00: 1", "5 23: 1"]);
    expect(heatmap.total).toBe(2);
  });

  it("leaves the heatmap it was given unchanged", () => {
    const empty = emptyInterruptionHeatmap(DEFAULT_HOUR_BANDS);
    addInterruptions(empty, interruptionsAt("UTC", "2026-07-01T10:00:00Z"), wholeYear);
    expect(empty.total).toBe(0);
    expect(empty.cells.every((cell) => cell.count === 0 && cell.byBand.business === 0)).toBe(true);
  });
});

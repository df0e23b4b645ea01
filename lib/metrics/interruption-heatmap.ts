/**
 * The interruption heatmap (PRODUCT.md › Screens › Team health: "heatmap of interruptions by local
 * hour × weekday"): interruptions counted by the weekday and hour they started in the paged
 * person's own zone, so a 03:00 page is a 03:00 cell for whoever it woke, whatever the viewer's zone.
 */
import type { Interruption } from "./interruptions";
import {
  classifyInstant,
  type HourBand,
  type HourBandSettings,
  type PersonCalendar,
} from "./time-bands";

export const HOURS_PER_DAY = 24;
/** ISO weekdays, Monday first. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export type BandCounts = Record<HourBand, number>;

export interface HeatmapCell {
  /** 1 = Monday … 7 = Sunday, in the person's zone. */
  isoWeekday: number;
  /** 0–23, in the person's zone. */
  hour: number;
  count: number;
  /**
   * The band this hour has on an ordinary (non-holiday) day under the hour-band settings, read at
   * the start of the hour; lets the grid outline business, off and sleep hours.
   */
  band: HourBand;
  /**
   * The cell's interruptions by the band each was actually classified in: a public holiday's
   * 10:00 is off, not business, so these can differ from `band` and add up to the report's bands.
   */
  byBand: BandCounts;
}

export interface InterruptionHeatmap {
  /** 7 × 24 cells, Monday 00:00 first, hour by hour. */
  cells: HeatmapCell[];
  total: number;
  byBand: BandCounts;
  /** The largest cell count (0 when empty): the top of the colour scale. */
  maxCount: number;
}

const emptyBandCounts = (): BandCounts => ({ business: 0, off: 0, sleep: 0 });

// A calendar with no zone offset and no holidays: the band of a weekday and hour as the settings
// define it, found through the same classification the interruptions use rather than a copy of it.
const referenceCalendar = (bands: HourBandSettings): PersonCalendar => ({
  timeZone: "UTC",
  isHoliday: () => false,
  bands,
});
// Monday 1 January 2024 00:00 UTC: the reference week's first hour.
const REFERENCE_MONDAY_MS = Date.UTC(2024, 0, 1);
const HOUR_MS = 3_600_000;

const cellIndex = (isoWeekday: number, hour: number) => (isoWeekday - 1) * HOURS_PER_DAY + hour;

/** The band a weekday and local hour have on an ordinary day under the settings. */
export function bandOfHour(isoWeekday: number, hour: number, bands: HourBandSettings): HourBand {
  const instant = REFERENCE_MONDAY_MS + cellIndex(isoWeekday, hour) * HOUR_MS;
  return classifyInstant(instant, referenceCalendar(bands)).band;
}

/** A heatmap with every cell at zero, each with its band. */
export function emptyInterruptionHeatmap(bands: HourBandSettings): InterruptionHeatmap {
  const cells = ISO_WEEKDAYS.flatMap((isoWeekday) =>
    Array.from(
      { length: HOURS_PER_DAY },
      (_, hour): HeatmapCell => ({
        isoWeekday,
        hour,
        count: 0,
        band: bandOfHour(isoWeekday, hour, bands),
        byBand: emptyBandCounts(),
      }),
    ),
  );
  return { cells, total: 0, byBand: emptyBandCounts(), maxCount: 0 };
}

/**
 * Adds one person's interruptions that start in [start, end) — the report's rule for counting an
 * interruption in a period — to the heatmap, at the local weekday and hour of their first page
 * (already read in the person's zone, DST included, when the interruption was built).
 */
export function addInterruptions(
  heatmap: InterruptionHeatmap,
  interruptions: readonly Pick<Interruption, "start" | "band" | "isoWeekday" | "localHour">[],
  range: { start: Date; end: Date },
): InterruptionHeatmap {
  const cells = heatmap.cells.map((cell) => ({ ...cell, byBand: { ...cell.byBand } }));
  const byBand = { ...heatmap.byBand };
  let total = heatmap.total;
  for (const interruption of interruptions) {
    const at = interruption.start.getTime();
    if (at < range.start.getTime() || at >= range.end.getTime()) continue;
    const cell = cells[cellIndex(interruption.isoWeekday, interruption.localHour)];
    if (!cell) throw new RangeError("An interruption's local weekday or hour is out of range");
    cell.count += 1;
    cell.byBand[interruption.band] += 1;
    byBand[interruption.band] += 1;
    total += 1;
  }
  const maxCount = cells.reduce((max, cell) => Math.max(max, cell.count), 0);
  return { cells, total, byBand, maxCount };
}

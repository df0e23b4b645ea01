/**
 * Calendar months laid out as weeks (rows Monday–Sunday) for a run of civil dates, as a wall
 * calendar shows them. Civil dates only: the caller has already read instants in a zone.
 */
import {
  civilDateFromDayNumber,
  dayNumber,
  formatCivilDate,
  parseCivilDate,
} from "./calendar-dates";

export interface MonthGrid {
  /** "2026-07" */
  month: string;
  /** Rows Monday → Sunday; null where the day belongs to another month or is outside the dates. */
  weeks: Array<Array<string | null>>;
}

/** One grid per month the dates touch, in order; dates outside `dates` are left blank. */
export function monthGrids(dates: readonly string[]): MonthGrid[] {
  const wanted = new Set(dates);
  const days = dates.map((date) => dayNumber(parseCivilDate(date))).sort((a, b) => a - b);
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) return [];

  const grids: MonthGrid[] = [];
  for (let day = first; day <= last; day++) {
    const civil = civilDateFromDayNumber(day);
    const date = formatCivilDate(civil);
    const month = date.slice(0, 7);
    let grid = grids.at(-1);
    if (!grid || grid.month !== month) {
      grid = { month, weeks: [] };
      grids.push(grid);
    }
    // 1970-01-01 was a Thursday: day 0 has Monday-based column 3.
    const column = (((day + 3) % 7) + 7) % 7;
    let week = grid.weeks.at(-1);
    if (!week || column === 0) {
      week = Array.from({ length: 7 }, () => null);
      grid.weeks.push(week);
    }
    week[column] = wanted.has(date) ? date : null;
  }
  return grids;
}

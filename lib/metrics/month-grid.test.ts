import { describe, expect, it } from "vitest";
import { monthGrids } from "./month-grid";
import { localDatesOf } from "./on-call-days";

describe("monthGrids", () => {
  it("lays March 2026 out in weeks from Monday, blanks outside the month", () => {
    const dates = localDatesOf(
      { start: new Date("2026-03-01T00:00:00Z"), end: new Date("2026-04-01T00:00:00Z") },
      "UTC",
    );
    const [march, ...rest] = monthGrids(dates);
    expect(rest).toEqual([]);
    expect(march?.month).toBe("2026-03");
    // 1 March 2026 is a Sunday; 31 March a Tuesday: 6 rows.
    expect(march?.weeks[0]).toEqual([null, null, null, null, null, null, "2026-03-01"]);
    expect(march?.weeks[1]?.[0]).toBe("2026-03-02");
    expect(march?.weeks.at(-1)).toEqual(["2026-03-30", "2026-03-31", null, null, null, null, null]);
    expect(march?.weeks.length).toBe(6);
  });

  it("starts a new grid at each month and leaves days outside the dates blank", () => {
    const grids = monthGrids(["2026-06-30", "2026-07-01", "2026-07-02"]);
    expect(grids.map((grid) => grid.month)).toEqual(["2026-06", "2026-07"]);
    // Tuesday 30 June, then Wednesday 1 July opens July's first row.
    expect(grids[0]?.weeks).toEqual([[null, "2026-06-30", null, null, null, null, null]]);
    expect(grids[1]?.weeks).toEqual([[null, null, "2026-07-01", "2026-07-02", null, null, null]]);
  });

  it("is empty for no dates", () => {
    expect(monthGrids([])).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { defaultRange } from "./report-command";

describe("defaultRange", () => {
  const now = new Date("2026-11-21T23:30:00Z");

  it("is the quarter to date, today included, read in the report's zone", () => {
    // 23:30 UTC on 21 November is already 22 November in Stockholm.
    expect(defaultRange({ timeZone: "UTC" }, now)).toEqual({
      from: "2026-10-01",
      to: "2026-11-22",
    });
    expect(defaultRange({ timeZone: "Europe/Stockholm" }, now)).toEqual({
      from: "2026-10-01",
      to: "2026-11-23",
    });
  });

  it("takes the quarter of the range's last day when only --to is given", () => {
    expect(defaultRange({ timeZone: "UTC", to: "2026-07-01" }, now)).toEqual({
      from: "2026-04-01",
      to: "2026-07-01",
    });
  });

  it("keeps a given --from and ends tomorrow", () => {
    expect(defaultRange({ timeZone: "UTC", from: "2026-01-01" }, now)).toEqual({
      from: "2026-01-01",
      to: "2026-11-22",
    });
  });
});

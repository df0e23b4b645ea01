import { describe, expect, it } from "vitest";
import {
  formatChange,
  formatDateTime,
  formatDuration,
  formatHours,
  formatPercent,
  formatTimeInLieuHours,
  relativeChange,
} from "./format";

describe("format", () => {
  it("writes durations in their two largest units", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(42.4)).toBe("42 s");
    expect(formatDuration(252)).toBe("4 min 12 s");
    expect(formatDuration(3 * 3600 + 5 * 60 + 59)).toBe("3 h 05 min");
    expect(formatDuration(2 * 86_400 + 4 * 3600)).toBe("2 d 4 h");
  });

  it("writes hours, rates and changes", () => {
    expect(formatHours(12.25)).toBe("12.3 h");
    expect(formatTimeInLieuHours(0.375 * 3)).toBe("1.13 h");
    expect(formatTimeInLieuHours(62.1)).toBe("62.1 h");
    expect(formatPercent(0.0625)).toBe("6.3%");
    expect(relativeChange(110, 100)).toBeCloseTo(0.1);
    expect(relativeChange(5, 0)).toBeNull();
    expect(formatChange(0.1)).toBe("+10 %");
    expect(formatChange(-0.125)).toBe("−12.5 %");
    expect(formatChange(0)).toBe("±0 %");
  });

  it("writes an instant in the chosen zone, across a DST change", () => {
    // 01:30 UTC on 29 March 2026 is 03:30 in Stockholm (summer time began at 01:00 UTC).
    expect(formatDateTime("2026-03-29T01:30:00Z", "Europe/Stockholm")).toBe("29 Mar 2026, 03:30");
    expect(formatDateTime("2026-03-29T00:30:00Z", "Europe/Stockholm")).toBe("29 Mar 2026, 01:30");
    expect(formatDateTime("2026-03-29T01:30:00Z", "America/New_York")).toBe("28 Mar 2026, 21:30");
  });
});

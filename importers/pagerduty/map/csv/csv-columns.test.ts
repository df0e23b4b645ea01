import { describe, expect, it } from "vitest";
import { createColumnFinder, describeHeaders, normaliseHeader } from "./csv-columns";

describe("normaliseHeader", () => {
  it("ignores case, spaces, underscores, punctuation and a BOM", () => {
    expect(normaliseHeader("\uFEFFIncident ID")).toBe("incident id");
    expect(normaliseHeader("  seconds_to_first_ack ")).toBe("seconds to first ack");
    expect(normaliseHeader("Seconds to First Ack")).toBe("seconds to first ack");
    expect(normaliseHeader("TTA (seconds)")).toBe("tta seconds");
  });
});

describe("createColumnFinder", () => {
  it("finds the first name the file has and keeps the header as the row key", () => {
    const find = createColumnFinder(["\uFEFFIncident ID", " Created On ", "Title"]);
    expect(find(["Incident ID"])).toEqual({ key: "\uFEFFIncident ID", label: "Incident ID" });
    expect(find(["Created at", "created_on"])).toEqual({
      key: " Created On ",
      label: "Created On",
    });
    expect(find(["Resolved at"])).toBeNull();
  });

  it("takes the first of two headers that read the same", () => {
    const find = createColumnFinder(["Team", "team"]);
    expect(find(["TEAM"])?.key).toBe("Team");
  });
});

describe("describeHeaders", () => {
  it("lists at most 12 headers", () => {
    expect(describeHeaders(["a", "b"])).toBe("a, b");
    const many = Array.from({ length: 14 }, (_, index) => `c${index + 1}`);
    expect(describeHeaders(many)).toBe(
      "c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, … (14 columns)",
    );
    expect(describeHeaders([])).toBe("no headers");
  });
});

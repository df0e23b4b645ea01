import { describe, expect, it } from "vitest";
import { readReference, readReferences } from "./json-fields";

describe("readReference", () => {
  it("reads a trimmed id and the summary, else the name", () => {
    expect(readReference({ id: " P1 ", summary: " Checkout " })).toEqual({
      pagerdutyId: "P1",
      name: "Checkout",
    });
    expect(readReference({ id: "P2", name: "Payments" })).toEqual({
      pagerdutyId: "P2",
      name: "Payments",
    });
    expect(readReference({ id: "P3" })).toEqual({ pagerdutyId: "P3", name: null });
  });

  it("is null without a text id, or for what is not an object", () => {
    for (const value of [
      { id: "  " },
      { id: 42 },
      { summary: "x" },
      ["P1"],
      "P1",
      null,
      undefined,
    ]) {
      expect(readReference(value)).toBeNull();
    }
  });

  it("keeps the first of repeated ids in a list and skips those without one", () => {
    expect(readReferences([{ id: "P1", summary: "A" }, { id: "P1", summary: "B" }, {}])).toEqual([
      { pagerdutyId: "P1", name: "A" },
    ]);
  });
});

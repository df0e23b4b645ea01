import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps a path on this site", () => {
    expect(safeNextPath("/teams/3?from=2026-07-01")).toBe("/teams/3?from=2026-07-01");
    expect(safeNextPath(["/a", "/people/12#ledger"])).toBe("/people/12#ledger");
  });
  it("refuses anything that leaves the site", () => {
    for (const value of [
      "https://evil.example",
      "//evil.example/x",
      "/\\evil.example",
      "",
      undefined,
      null,
    ]) {
      expect(safeNextPath(value)).toBe("/");
    }
  });
});

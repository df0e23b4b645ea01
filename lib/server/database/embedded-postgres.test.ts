import { describe, expect, it } from "vitest";
import { embeddedDatabaseUrl, parsePostmasterPid } from "./embedded-postgres";

describe("parsePostmasterPid", () => {
  it("reads the pid from line 1 and the port from line 4", () => {
    const contents =
      "48211\n/work/main/.data/postgres\n1763748000\n44247\n\n127.0.0.1\n  5432001    0\nready   \n";
    expect(parsePostmasterPid(contents)).toEqual({ pid: 48211, port: 44247 });
  });

  it("returns null for a truncated or garbled file instead of guessing a port", () => {
    expect(parsePostmasterPid("48211\n/work/main/.data/postgres\n")).toBeNull();
    expect(parsePostmasterPid("")).toBeNull();
    expect(parsePostmasterPid("abc\nx\ny\nz\n")).toBeNull();
  });
});

describe("embeddedDatabaseUrl", () => {
  it("points at loopback with the given port and database", () => {
    expect(embeddedDatabaseUrl(5433, "fairshift_test")).toBe(
      "postgresql://postgres:fairshift@127.0.0.1:5433/fairshift_test",
    );
  });
});

import { describe, expect, it } from "vitest";
import { restAfterRound } from "./webhook-applier";

describe("restAfterRound: the applier yields to answering during a burst", () => {
  const now = 1_000_000;

  it("rests half as long as the round took while deliveries keep arriving", () => {
    expect(restAfterRound(120, now - 10, now)).toBe(60);
    expect(restAfterRound(120, now - 250, now)).toBe(60);
  });

  it("does not rest once none arrived for a quarter of a second", () => {
    expect(restAfterRound(120, now - 251, now)).toBe(0);
  });

  it("rests at most a second after a long round", () => {
    expect(restAfterRound(4_000, now, now)).toBe(1_000);
    expect(restAfterRound(2_000, now, now)).toBe(1_000);
  });
});

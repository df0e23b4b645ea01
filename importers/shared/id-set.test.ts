import { describe, expect, it } from "vitest";
import { IdSet } from "./id-set";

describe("IdSet", () => {
  it("counts each id once and lists them in ascending order", () => {
    const set = IdSet.of([70, 3, 31, 32, 3, 0, 100_000]);
    expect(set.size).toBe(6);
    expect([...set]).toEqual([0, 3, 31, 32, 70, 100_000]);
    expect(set.has(31)).toBe(true);
    expect(set.has(33)).toBe(false);
    expect(set.has(5_000_000)).toBe(false);
  });

  it("cuts the ids into chunks of the size asked, the last one shorter", () => {
    const set = IdSet.of([5, 1, 4, 2, 3]);
    expect([...set.chunks(2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...new IdSet().chunks(2)]).toEqual([]);
  });

  it("takes a million ids in a bitmap of 125 kB", () => {
    const set = new IdSet();
    for (let id = 1; id <= 1_000_000; id += 1) set.add(id);
    expect(set.size).toBe(1_000_000);
    expect([...set.chunks(400_000)].map((chunk) => chunk.length)).toEqual([
      400_000, 400_000, 200_000,
    ]);
  });

  it("refuses what is not an id", () => {
    expect(() => new IdSet().add(-1)).toThrow(RangeError);
    expect(() => new IdSet().add(1.5)).toThrow(RangeError);
  });
});

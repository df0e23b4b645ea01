import { describe, expect, it } from "vitest";
import { createProgressPrinter } from "./progress-printer";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return {
    writes,
    stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream,
  };
}

describe("createProgressPrinter", () => {
  it("writes one line per 10% step when the output is a log, not a terminal", () => {
    const { writes, stream } = fakeStream(false);
    const print = createProgressPrinter(stream);
    for (let done = 0; done <= 1000; done += 50) print({ phase: "incidents", done, total: 1000 });
    expect(writes).toEqual(
      [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((p) => `incidents: ${p}%\n`),
    );
  });

  it("rewrites one line on a terminal and ends it at 100%", () => {
    const { writes, stream } = fakeStream(true);
    const print = createProgressPrinter(stream);
    print({ phase: "pages", done: 2500, total: 10000 });
    print({ phase: "pages", done: 10000, total: 10000 });
    expect(writes[0]).toContain("\rpages: 25% (2,500 of 10,000)");
    expect(writes.at(-1)).toBe("\n");
  });
});

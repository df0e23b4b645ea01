import { describe, expect, it } from "vitest";
import { copyText, type RowColumn } from "./row-source";

describe("copyText", () => {
  it("writes COPY's text format: tabs between fields, \\N for null, backslash escapes", () => {
    const columns: RowColumn[] = [
      { name: "id", type: "int4", values: [1, 2] },
      { name: "title", type: "text", values: ["C:\\data\tfull", "two\nlines\r"] },
      { name: "merged", type: "bool", values: [true, false] },
      { name: "key", type: "text", values: [null, ""] },
    ];
    expect([...copyText(columns, 2)].join("")).toBe(
      "1\tC:\\\\data\\tfull\tt\t\\N\n2\ttwo\\nlines\\r\tf\t\n",
    );
  });

  it("sends a large batch in pieces of 500 rows", () => {
    const ids = Array.from({ length: 1_001 }, (_, index) => index);
    const pieces = [...copyText([{ name: "id", type: "int4", values: ids }], ids.length)];
    expect(pieces.map((piece) => piece.split("\n").length - 1)).toEqual([500, 500, 1]);
    expect(pieces.join("")).toBe(`${ids.join("\n")}\n`);
  });
});

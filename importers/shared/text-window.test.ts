import { describe, expect, it } from "vitest";
import { TextWindow } from "./text-window";

describe("TextWindow", () => {
  it("slices by absolute offset across the chunks it was given", () => {
    const window = new TextWindow();
    for (const chunk of ['{"a":', "1}", "\n[", "2,3]"]) window.append(chunk);
    expect(window.end).toBe(13);
    expect(window.slice(0, 7)).toBe('{"a":1}');
    expect(window.slice(8, 13)).toBe("[2,3]");
  });

  it("forgets text before an offset but still slices what comes after it", () => {
    const window = new TextWindow();
    const part = "x".repeat(70_000);
    window.append(part);
    window.append("abc");
    window.append(part);
    window.discardBefore(70_001);
    expect(window.slice(70_001, 70_003)).toBe("bc");
    expect(() => window.slice(10, 20)).toThrow("text at offset 10 is no longer held");
    window.discardBefore(window.end);
    window.append("tail");
    expect(window.slice(140_003, 140_007)).toBe("tail");
  });
});

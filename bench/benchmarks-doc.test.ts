import { describe, expect, it } from "vitest";
import { minutesText, replaceMarkedBlock } from "./benchmarks-doc";

const DOCUMENT = [
  "# Benchmarks",
  "",
  "## Metrics report",
  "",
  "<!-- bench:report:start -->",
  "old report",
  "<!-- bench:report:end -->",
  "",
  "## Webhook receiver",
  "",
  "text",
  "",
].join("\n");

describe("replaceMarkedBlock", () => {
  it("replaces only the text between the named markers", () => {
    const replaced = replaceMarkedBlock(DOCUMENT, "report", "new report");
    expect(replaced).toBe(DOCUMENT.replace("old report", "new report"));
  });

  it("adds a missing section before the named heading", () => {
    const placement = { heading: "## File import", before: "## Webhook receiver" };
    const added = replaceMarkedBlock(DOCUMENT, "import", "figures", placement);
    expect(added).toContain(
      "<!-- bench:report:end -->\n\n## File import\n\n<!-- bench:import:start -->\nfigures\n<!-- bench:import:end -->\n\n## Webhook receiver",
    );
    // Written again, the block is replaced in place rather than added twice.
    const again = replaceMarkedBlock(added, "import", "newer", placement);
    expect(again.match(/## File import/g)).toHaveLength(1);
    expect(again).toContain("<!-- bench:import:start -->\nnewer\n<!-- bench:import:end -->");
  });

  it("appends when the heading to go before is missing, and refuses to guess without a placement", () => {
    const appended = replaceMarkedBlock("# Benchmarks\n", "import", "figures", {
      heading: "## File import",
      before: "## Nowhere",
    });
    expect(appended).toBe(
      "# Benchmarks\n\n## File import\n\n<!-- bench:import:start -->\nfigures\n<!-- bench:import:end -->\n",
    );
    expect(() => replaceMarkedBlock("# Benchmarks\n", "import", "figures")).toThrow(
      /no <!-- bench:import:start -->/,
    );
  });
});

describe("minutesText", () => {
  it("rounds to whole seconds before splitting off the minutes", () => {
    expect(minutesText(179.6)).toBe("3 min 0 s");
    expect(minutesText(667.8)).toBe("11 min 8 s");
    expect(minutesText(60)).toBe("1 min 0 s");
  });
});

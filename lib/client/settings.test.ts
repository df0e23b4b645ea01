import { describe, expect, it } from "vitest";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";
import { describeMetricSettingsSave, describeRederivation, messagesByField } from "./settings";

describe("describeMetricSettingsSave", () => {
  it("states each re-computation in words and numbers", () => {
    expect(
      describeMetricSettingsSave({
        settings: DEFAULT_METRIC_SETTINGS,
        detectionRecomputed: { examined: 1530, changed: 124 },
        timeInLieuRederived: { people: 12, accruals: 37, inserted: 3, updated: 5, deleted: 1 },
      }),
    ).toEqual([
      "Detection re-labelled 124 incidents (of 1,530 examined).",
      "Time in lieu re-derived: 37 accruals for 12 people (3 new, 5 changed, 1 removed).",
    ]);
  });

  it("says when nothing stored needed re-deriving, and uses the singular", () => {
    expect(
      describeMetricSettingsSave({
        settings: DEFAULT_METRIC_SETTINGS,
        detectionRecomputed: null,
        timeInLieuRederived: null,
      }),
    ).toEqual([
      "Saved. Reports use these settings from now on; nothing stored needed re-deriving.",
    ]);
    expect(
      describeRederivation({ people: 1, accruals: 1, inserted: 0, updated: 0, deleted: 0 }),
    ).toBe("Time in lieu re-derived: 1 accrual for 1 person (none changed).");
  });
});

describe("messagesByField", () => {
  it("splits the API's message by field, keeping semicolons inside a message", () => {
    const byField = messagesByField(
      'detection.testPattern: "a(" is not a valid regular expression (Unterminated group; x); hourBands.businessEndHour: Business hours cannot cross midnight.',
    );
    expect([...byField]).toEqual([
      ["detection.testPattern", '"a(" is not a valid regular expression (Unterminated group; x)'],
      ["hourBands.businessEndHour", "Business hours cannot cross midnight."],
    ]);
    expect([...messagesByField("The request body is not valid JSON.")]).toEqual([
      ["", "The request body is not valid JSON."],
    ]);
  });
});

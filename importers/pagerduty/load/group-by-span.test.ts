import { describe, expect, it } from "vitest";
import { groupBySpan } from "./derive-incident-facts";

const DAY = 86_400_000;

describe("groupBySpan", () => {
  it("derives people together whose pages start and end in the same quarters, over their hull", () => {
    const groups = groupBySpan(
      new Map([
        [1, { first: 0, last: 10 * DAY }],
        [2, { first: 5 * DAY, last: 20 * DAY }],
        [3, { first: 400 * DAY, last: 401 * DAY }],
        [4, { first: 10 * DAY, last: 400 * DAY }],
      ]),
    );
    expect(groups).toEqual([
      { personIds: [1, 2], first: 0, last: 20 * DAY },
      { personIds: [3], first: 400 * DAY, last: 401 * DAY },
      { personIds: [4], first: 10 * DAY, last: 400 * DAY },
    ]);
  });
});

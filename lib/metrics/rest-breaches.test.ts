import { describe, expect, it } from "vitest";
import { buildCallOuts } from "./call-outs";
import { createPersonCalendar } from "./holidays";
import { buildInterruptions, type Page } from "./interruptions";
import { findRestBreach, findRestBreaches } from "./rest-breaches";

const stockholm = createPersonCalendar({ timeZone: "Europe/Stockholm" }); // region SE
const london = createPersonCalendar({ timeZone: "Europe/London" }); // region GB
const MINUTE = 60_000;

function callOutAt(calendar: typeof stockholm, ...isoTimes: string[]) {
  const pages: Page[] = isoTimes.map((iso) => ({
    at: new Date(iso),
    channel: "phone",
    incidentId: 1,
    isTestIncident: false,
  }));
  const [callOut] = buildCallOuts(buildInterruptions(pages, calendar));
  if (!callOut) throw new Error("expected one call-out");
  return callOut;
}

describe("findRestBreach: minimum rest before the next business start", () => {
  // Tuesday 2026-03-10 evening in Stockholm (+01:00); next business start Wed 08:00.
  const evening = callOutAt(stockholm, "2026-03-10T20:00:00+01:00");

  it("breaches with 10 h 59 min of rest (end 21:01 → 08:00)", () => {
    const breach = findRestBreach(evening, new Date("2026-03-10T21:01:00+01:00"), stockholm);
    expect(breach).toMatchObject({
      nextBusinessStartAt: new Date("2026-03-11T08:00:00+01:00"),
      restHours: 10 + 59 / 60,
    });
    expect(breach?.reasons).toEqual([
      {
        rule: "short-rest",
        message:
          "10 h 59 min of rest between the end of the call-out (2026-03-10 21:01) and the next " +
          "business-hours start (2026-03-11 08:00), less than the 11 h minimum",
      },
    ]);
  });

  it("does not breach with exactly 11 h (end 21:00 → 08:00)", () => {
    expect(findRestBreach(evening, new Date("2026-03-10T21:00:00+01:00"), stockholm)).toBeNull();
  });

  it("takes the minimum from the settings", () => {
    const end = new Date("2026-03-10T21:01:00+01:00");
    expect(findRestBreach(evening, end, stockholm, { minimumRestHours: 10 })).toBeNull();
  });

  it("skips weekends: Friday 23:00 leaves rest until Monday 08:00", () => {
    const friday = callOutAt(stockholm, "2026-03-13T22:30:00+01:00");
    expect(findRestBreach(friday, new Date("2026-03-13T23:00:00+01:00"), stockholm)).toBeNull();
  });
});

describe("findRestBreach: Swedish night rest 00:00–05:00", () => {
  // Saturday 2026-03-14, so the next business start (Mon 08:00) is far off and only night rest
  // can be breached.
  it("breaches for an interruption at 04:59 and not at 05:00", () => {
    const at0459 = callOutAt(stockholm, "2026-03-14T04:59:00+01:00");
    const at0500 = callOutAt(stockholm, "2026-03-14T05:00:00+01:00");
    expect(
      findRestBreach(at0459, at0459.start.getTime() + 10 * MINUTE, stockholm)?.reasons,
    ).toEqual([
      {
        rule: "night-rest",
        message:
          "Interrupted at 2026-03-14 04:59, inside the 00:00–05:00 night rest required in SE",
      },
    ]);
    expect(findRestBreach(at0500, at0500.start.getTime() + 10 * MINUTE, stockholm)).toBeNull();
  });

  it("applies only in night-rest regions: 04:59 in London is no breach", () => {
    const at0459 = callOutAt(london, "2026-03-14T04:59:00Z");
    expect(findRestBreach(at0459, at0459.start.getTime() + 10 * MINUTE, london)).toBeNull();
  });

  it("looks at every interruption of the call-out, not only the first", () => {
    // 23:30 Friday then 00:20 Saturday (50 min later, same call-out).
    const callOut = callOutAt(stockholm, "2026-03-13T23:30:00+01:00", "2026-03-14T00:20:00+01:00");
    expect(
      findRestBreach(callOut, callOut.start.getTime() + 60 * MINUTE, stockholm)?.reasons,
    ).toEqual([expect.objectContaining({ rule: "night-rest" })]);
  });

  it("counts one breach with both reasons when both rules are broken", () => {
    // Tuesday 03:00, ends 03:30: 4 h 30 min before Tuesday 08:00, and inside night rest.
    const callOut = callOutAt(stockholm, "2026-03-10T03:00:00+01:00");
    const breaches = findRestBreaches(
      [{ callOut, endAt: new Date("2026-03-10T03:30:00+01:00") }],
      stockholm,
    );
    expect(breaches).toHaveLength(1);
    expect(breaches[0]?.reasons.map((reason) => reason.rule)).toEqual(["short-rest", "night-rest"]);
    expect(breaches[0]?.restHours).toBe(4.5);
  });
});

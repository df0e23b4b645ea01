import { describe, expect, it } from "vitest";
import { buildCallOuts, callOutEndAt, countByBand } from "./call-outs";
import { createPersonCalendar } from "./holidays";
import { buildInterruptions, type Page } from "./interruptions";

const stockholm = createPersonCalendar({ timeZone: "Europe/Stockholm" });
const MINUTE = 60_000;
// Tuesday 2026-03-10 02:00 Stockholm (+01:00): sleep band.
const NIGHT = Date.parse("2026-03-10T02:00:00+01:00");

function interruptionsAt(...instants: number[]) {
  const pages: Page[] = instants.map((at, index) => ({
    at,
    channel: "phone",
    incidentId: index + 1,
    isTestIncident: false,
  }));
  return buildInterruptions(pages, stockholm);
}

const interruptionsPerCallOut = (...minutesAfterNight: number[]) =>
  buildCallOuts(
    interruptionsAt(...minutesAfterNight.map((minutes) => NIGHT + minutes * MINUTE)),
  ).map((callOut) => callOut.interruptions.length);

describe("buildCallOuts", () => {
  it("chains interruptions starting up to and including 60 min after the previous one", () => {
    expect(interruptionsPerCallOut(0, 59)).toEqual([2]);
    expect(interruptionsPerCallOut(0, 60)).toEqual([2]);
    expect(interruptionsPerCallOut(0, 61)).toEqual([1, 1]);
  });

  it("chains from the previous interruption, not the first: 0, 50, 100 min is one call-out", () => {
    expect(interruptionsPerCallOut(0, 50, 100)).toEqual([3]);
    expect(interruptionsPerCallOut(0, 50, 111)).toEqual([2, 1]);
  });

  it("takes band, off-hours and wake-up from its first interruption", () => {
    // Tue 07:30 (sleep) then 08:10 (business): one call-out, a wake-up.
    const [callOut] = buildCallOuts(
      interruptionsAt(
        Date.parse("2026-03-10T07:30:00+01:00"),
        Date.parse("2026-03-10T08:10:00+01:00"),
      ),
    );
    expect(callOut).toMatchObject({
      start: new Date("2026-03-10T07:30:00+01:00"),
      lastPageAt: new Date("2026-03-10T08:10:00+01:00"),
      band: "sleep",
      isOffHours: true,
      isWakeUp: true,
      incidentIds: [1, 2],
    });
    const [evening] = buildCallOuts(interruptionsAt(Date.parse("2026-03-10T19:00:00+01:00")));
    expect(evening).toMatchObject({ band: "off", isOffHours: true, isWakeUp: false });
    const [daytime] = buildCallOuts(interruptionsAt(Date.parse("2026-03-10T10:00:00+01:00")));
    expect(daytime).toMatchObject({ band: "business", isOffHours: false, isWakeUp: false });
  });

  it("does not depend on the order of interruptions", () => {
    const interruptions = interruptionsAt(NIGHT, NIGHT + 30 * MINUTE, NIGHT + 200 * MINUTE);
    expect(buildCallOuts([...interruptions].reverse())).toEqual(buildCallOuts(interruptions));
  });
});

describe("countByBand", () => {
  it("counts items per band, zero-filled", () => {
    expect(countByBand([{ band: "sleep" }, { band: "sleep" }, { band: "off" }])).toEqual({
      business: 0,
      off: 1,
      sleep: 2,
    });
  });
});

describe("callOutEndAt", () => {
  const callOut = { start: new Date(NIGHT), lastPageAt: new Date(NIGHT + 10 * MINUTE) };

  it("is the later of the last page and the last resolve", () => {
    expect(callOutEndAt(callOut, NIGHT + 95 * MINUTE)).toEqual(new Date(NIGHT + 95 * MINUTE));
    expect(callOutEndAt(callOut, NIGHT + 5 * MINUTE)).toEqual(new Date(NIGHT + 10 * MINUTE));
    expect(callOutEndAt(callOut, null)).toEqual(new Date(NIGHT + 10 * MINUTE));
  });

  it("is capped at 12 h after the start", () => {
    // Resolved 13 h later: the end stops at 02:00 + 12 h = 14:00.
    expect(callOutEndAt(callOut, NIGHT + 13 * 60 * MINUTE)).toEqual(
      new Date(NIGHT + 12 * 60 * MINUTE),
    );
  });
});

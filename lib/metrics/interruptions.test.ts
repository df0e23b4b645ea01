import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPersonCalendar } from "./holidays";
import { buildInterruptions, type Page, type PageChannel } from "./interruptions";

const stockholm = createPersonCalendar({ timeZone: "Europe/Stockholm" });
// Tuesday 2026-03-10 03:00 Stockholm (+01:00): sleep band.
const FIRST = Date.parse("2026-03-10T03:00:00+01:00");
const SECOND = 1000;

function page(offsetSeconds: number, overrides: Partial<Page> = {}): Page {
  return {
    at: FIRST + offsetSeconds * SECOND,
    channel: "phone",
    incidentId: 1,
    isTestIncident: false,
    ...overrides,
  };
}

const pagesPerInterruption = (pages: Page[]) =>
  buildInterruptions(pages, stockholm).map((interruption) => interruption.pages);

describe("buildInterruptions", () => {
  it("groups pages up to and including 60 s after the first page", () => {
    // 0 s, 59 s and 60 s join the first page ("within 60 s" is inclusive); 61 s starts anew.
    expect(pagesPerInterruption([page(0), page(0), page(59), page(60)])).toEqual([4]);
    expect(pagesPerInterruption([page(0), page(61)])).toEqual([1, 1]);
    expect(pagesPerInterruption([page(0), page(60.001)])).toEqual([1, 1]);
  });

  it("measures from the first page, not the latest (no chaining)", () => {
    // +50 s joins the first; +110 s is 110 s after the first, so it starts a second one.
    expect(pagesPerInterruption([page(0), page(50), page(110)])).toEqual([2, 1]);
  });

  it("never counts email, nor 'other', nor pages of test incidents", () => {
    const interruptions = buildInterruptions(
      [
        page(0, { channel: "email" }),
        page(5, { channel: "other" }),
        page(10, { channel: "sms", isTestIncident: true }),
        page(200, { channel: "sms", incidentId: 7 }),
        page(220, { channel: "push", incidentId: 3 }),
        page(230, { channel: "email", incidentId: 9 }),
      ],
      stockholm,
    );
    expect(interruptions).toEqual([
      {
        start: new Date(FIRST + 200 * SECOND),
        lastPageAt: new Date(FIRST + 220 * SECOND),
        pages: 2,
        incidentIds: [3, 7],
        band: "sleep",
        isWeekend: false,
        isHoliday: false,
        localHour: 3,
        isoWeekday: 2,
      },
    ]);
  });

  it("classifies by the first page: 21:59:30 is off even with a page at 22:00:20", () => {
    const start = Date.parse("2026-03-10T21:59:30+01:00");
    const [interruption] = buildInterruptions(
      [page(0, { at: start }), page(0, { at: start + 50 * SECOND })],
      stockholm,
    );
    expect(interruption).toMatchObject({ band: "off", pages: 2 });
    const [atTen] = buildInterruptions(
      [page(0, { at: Date.parse("2026-03-10T22:00:00+01:00") })],
      stockholm,
    );
    expect(atTen?.band).toBe("sleep");
  });

  it("returns nothing for no pages", () => {
    expect(buildInterruptions([], stockholm)).toEqual([]);
  });

  it("gives the same interruptions for any order of the pages", () => {
    const channel = fc.constantFrom<PageChannel>("phone", "sms", "push", "email", "other");
    const pageArbitrary = fc.record({
      // Within 30 min so that pages group often.
      at: fc.integer({ min: FIRST, max: FIRST + 30 * 60 * SECOND }),
      channel,
      incidentId: fc.integer({ min: 1, max: 5 }),
      isTestIncident: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc
          .array(pageArbitrary, { maxLength: 40 })
          .chain((pages) =>
            fc.tuple(fc.constant(pages), fc.shuffledSubarray(pages, { minLength: pages.length })),
          ),
        ([pages, shuffled]) => {
          expect(buildInterruptions(shuffled, stockholm)).toEqual(
            buildInterruptions(pages, stockholm),
          );
        },
      ),
    );
  });
});

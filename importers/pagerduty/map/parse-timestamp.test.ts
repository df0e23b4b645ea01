import { afterEach, describe, expect, it } from "vitest";
import { hasUtcOffset, parsePagerDutyTimestamp } from "./parse-timestamp";

const iso = (text: string, timeZone: string | null = null) =>
  parsePagerDutyTimestamp(text, timeZone)?.toISOString() ?? null;

describe("parsePagerDutyTimestamp with an offset", () => {
  it("reads the spellings found in the fixtures", () => {
    expect(iso("2015-10-06T21:30:42Z")).toBe("2015-10-06T21:30:42.000Z");
    // Webhook occurred_at, DevLake/Singer and the v2 resolve log entry.
    expect(iso("2021-04-13T18:06:46.414Z")).toBe("2021-04-13T18:06:46.414Z");
    expect(iso("2022-11-03T06:23:06.000000Z")).toBe("2022-11-03T06:23:06.000Z");
    expect(iso("2017-09-26T15:18:09+00:00")).toBe("2017-09-26T15:18:09.000Z");
    // GET_oncalls.json and port-ocean services.
    expect(iso("2015-03-06T15:28:51-05:00")).toBe("2015-03-06T20:28:51.000Z");
    expect(iso("2024-05-16T18:37:20+03:00")).toBe("2024-05-16T15:37:20.000Z");
  });

  it("accepts a space for T, offsets without a colon, Rails' ' UTC' and up to 9 fraction digits", () => {
    expect(iso("2014-05-07 13:11:40 -0700")).toBe("2014-05-07T20:11:40.000Z");
    expect(iso("2014-05-07 13:11:40 UTC")).toBe("2014-05-07T13:11:40.000Z");
    expect(iso("2024-03-01T09:00+0530")).toBe("2024-03-01T03:30:00.000Z");
    expect(iso("2024-03-01T09:00:00.123456789Z")).toBe("2024-03-01T09:00:00.123Z");
    expect(iso("2024-03-01T09:00:00.9Z")).toBe("2024-03-01T09:00:00.900Z");
    expect(iso("  2024-03-01T09:00:00Z ")).toBe("2024-03-01T09:00:00.000Z");
  });

  it("ignores the time zone when the text has its own offset", () => {
    expect(iso("2015-03-06T15:28:51-05:00", "Asia/Tokyo")).toBe("2015-03-06T20:28:51.000Z");
  });

  it("gives null for text that names no real instant", () => {
    for (const text of [
      "abc",
      "",
      "2024-13-01T00:00:00Z",
      "2024-02-30T00:00:00Z",
      "2023-02-29T10:00:00Z",
      "2024-01-01T24:00:00Z",
      "2024-01-01T10:60:00Z",
      "2024-01-01T10:00:00+15:00",
      "2024-01-01",
      "01/03/2024 09:00",
      "2024-01-01T10:00:00.1234567890Z",
    ]) {
      expect(iso(text, "UTC"), text).toBeNull();
    }
    expect(iso("2024-02-29T10:00:00Z")).toBe("2024-02-29T10:00:00.000Z");
  });
});

describe("parsePagerDutyTimestamp without an offset (Analytics)", () => {
  it("reads wall-clock time in the given zone", () => {
    // POST_analytics_raw_incidents.json: created_at "2023-05-31T10:05:00", time_zone "Etc/UTC".
    expect(iso("2023-05-31T10:05:00", "Etc/UTC")).toBe("2023-05-31T10:05:00.000Z");
    expect(iso("2023-05-31T10:05:00", "Europe/Stockholm")).toBe("2023-05-31T08:05:00.000Z");
    expect(iso("2023-01-31T10:05:00", "America/New_York")).toBe("2023-01-31T15:05:00.000Z");
  });

  it("cannot place it without a zone, or in a zone the runtime does not know", () => {
    expect(iso("2023-05-31T10:05:00", null)).toBeNull();
    expect(iso("2023-05-31T10:05:00", "Mars/Olympus_Mons")).toBeNull();
  });

  it("crosses Stockholm's spring-forward (2024-03-31, 02:00 → 03:00) without losing time", () => {
    expect(iso("2024-03-31T01:59:59", "Europe/Stockholm")).toBe("2024-03-31T00:59:59.000Z");
    expect(iso("2024-03-31T03:00:00", "Europe/Stockholm")).toBe("2024-03-31T01:00:00.000Z");
    // 02:30 never happened: read with the winter offset (+01:00), i.e. 03:30 summer time.
    expect(iso("2024-03-31T02:30:00", "Europe/Stockholm")).toBe("2024-03-31T01:30:00.000Z");
  });

  it("takes the first 02:30 of Stockholm's fall-back night (2024-10-27, 03:00 → 02:00)", () => {
    expect(iso("2024-10-27T01:59:00", "Europe/Stockholm")).toBe("2024-10-26T23:59:00.000Z");
    expect(iso("2024-10-27T02:30:00", "Europe/Stockholm")).toBe("2024-10-27T00:30:00.000Z");
    expect(iso("2024-10-27T03:00:00", "Europe/Stockholm")).toBe("2024-10-27T02:00:00.000Z");
  });

  it("does the same in New York (2024-03-10 spring, 2024-11-03 fall)", () => {
    expect(iso("2024-03-10T01:59:00", "America/New_York")).toBe("2024-03-10T06:59:00.000Z");
    expect(iso("2024-03-10T02:30:00", "America/New_York")).toBe("2024-03-10T07:30:00.000Z");
    expect(iso("2024-03-10T03:00:00", "America/New_York")).toBe("2024-03-10T07:00:00.000Z");
    // 01:30 happens twice; the first is still daylight time (-04:00).
    expect(iso("2024-11-03T01:30:00", "America/New_York")).toBe("2024-11-03T05:30:00.000Z");
    expect(iso("2024-11-03T02:00:00", "America/New_York")).toBe("2024-11-03T07:00:00.000Z");
  });

  describe("whatever the server's own zone", () => {
    const originalZone = process.env.TZ;
    afterEach(() => {
      if (originalZone === undefined) delete process.env.TZ;
      else process.env.TZ = originalZone;
    });

    it.each(["UTC", "Asia/Kolkata", "America/Los_Angeles", "Europe/Stockholm"])(
      "gives the same instants under TZ=%s",
      (serverZone) => {
        process.env.TZ = serverZone;
        expect(iso("2024-10-27T02:30:00", "Europe/Stockholm")).toBe("2024-10-27T00:30:00.000Z");
        expect(iso("2024-11-03T01:30:00", "America/New_York")).toBe("2024-11-03T05:30:00.000Z");
        expect(iso("2024-03-31T02:30:00.250", "Europe/Stockholm")).toBe("2024-03-31T01:30:00.250Z");
      },
    );
  });
});

describe("hasUtcOffset", () => {
  it("tells offset-less Analytics times from the rest", () => {
    expect(hasUtcOffset("2023-05-31T10:05:00")).toBe(false);
    expect(hasUtcOffset("2023-05-31T10:05:00Z")).toBe(true);
    expect(hasUtcOffset("2015-03-06T15:28:51-05:00")).toBe(true);
    expect(hasUtcOffset("2014-05-07 13:11:40 UTC")).toBe(true);
  });
});

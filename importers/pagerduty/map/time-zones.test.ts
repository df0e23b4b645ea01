import { describe, expect, it } from "vitest";
import { isKnownTimeZone } from "@/lib/shared/time-zone";
import { ACTIVE_SUPPORT_TIME_ZONES, canonicalTimeZone } from "./time-zones";

describe("canonicalTimeZone", () => {
  it("maps Rails/ActiveSupport names PagerDuty used to IANA names", () => {
    expect(canonicalTimeZone("Eastern Time (US & Canada)")).toBe("America/New_York");
    expect(canonicalTimeZone("Pacific Time (US & Canada)")).toBe("America/Los_Angeles");
    expect(canonicalTimeZone("Stockholm")).toBe("Europe/Stockholm");
    expect(canonicalTimeZone("London")).toBe("Europe/London");
    expect(canonicalTimeZone("Edinburgh")).toBe("Europe/London");
    expect(canonicalTimeZone("UTC")).toBe("Etc/UTC");
    expect(canonicalTimeZone("Mumbai")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("International Date Line West")).toBe("Etc/GMT+12");
  });

  it("uses IANA's current names where IANA renamed a zone", () => {
    expect(canonicalTimeZone("Kyiv")).toBe("Europe/Kyiv");
    expect(canonicalTimeZone("Greenland")).toBe("America/Nuuk");
    expect(canonicalTimeZone("Rangoon")).toBe("Asia/Yangon");
    expect(canonicalTimeZone("Ulaan Bataar")).toBe("Asia/Ulaanbaatar");
  });

  it("matches legacy names regardless of case and spacing", () => {
    expect(canonicalTimeZone("  eastern time (us &  canada) ")).toBe("America/New_York");
    expect(canonicalTimeZone("STOCKHOLM")).toBe("Europe/Stockholm");
  });

  it("keeps IANA names, fixing their case, and keeps aliases the runtime knows", () => {
    // GET_users.json and the port-ocean user.
    expect(canonicalTimeZone("America/Lima")).toBe("America/Lima");
    expect(canonicalTimeZone("Asia/Jerusalem")).toBe("Asia/Jerusalem");
    expect(canonicalTimeZone("europe/stockholm")).toBe("Europe/Stockholm");
    expect(canonicalTimeZone("US/Eastern")).toBe("US/Eastern");
    expect(canonicalTimeZone("Etc/UTC")).toBe("Etc/UTC");
  });

  it("gives null for names it cannot place", () => {
    expect(canonicalTimeZone("")).toBeNull();
    expect(canonicalTimeZone("Gotham")).toBeNull();
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("+05:00")).toBeNull();
  });

  it("maps every ActiveSupport name to a zone the runtime knows", () => {
    const names = Object.keys(ACTIVE_SUPPORT_TIME_ZONES);
    // Rails 8 has 152 names; "Ulaan Bataar" is the spelling older versions used.
    expect(names).toHaveLength(153);
    for (const name of names) {
      const zone = canonicalTimeZone(name);
      expect(zone !== null && isKnownTimeZone(zone), `${name} → ${zone}`).toBe(true);
    }
  });
});

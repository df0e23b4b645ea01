import { describe, expect, it } from "vitest";
import { parseLocalDateTime } from "@/lib/shared/report-filters";
import {
  agentLabel,
  channelLabel,
  logEntryTypeLabel,
  startedAtSourceLabel,
  toLocalInputValue,
} from "./incident-words";

describe("incident words", () => {
  it("names log entry types, known or not", () => {
    expect(logEntryTypeLabel("notify_log_entry")).toBe("Notified");
    expect(logEntryTypeLabel("acknowledge_log_entry")).toBe("Acknowledged");
    expect(logEntryTypeLabel("custom_thing_log_entry")).toBe("Custom thing");
  });

  it("names channels and agents", () => {
    expect(channelLabel("push_notification")).toBe("push");
    expect(channelLabel("events_api_v2")).toBe("Events API v2");
    expect(channelLabel("carrier_pigeon")).toBe("carrier pigeon");
    expect(agentLabel("user_reference", "Noah Novak")).toBe("Noah Novak");
    expect(agentLabel("generic_events_api_inbound_integration_reference", null)).toBe(
      "an integration",
    );
    expect(agentLabel(null, null)).toBeNull();
    expect(startedAtSourceLabel("manual")).toBe("entered in Fairshift");
    expect(startedAtSourceLabel("csv")).toBe("from a CSV import");
    expect(startedAtSourceLabel(null)).toBeNull();
  });

  it("shows an instant on the viewer's wall clock and reads it back to the same instant", () => {
    // 09:45:07 UTC is 11:45:07 in Stockholm in summer, 05:45:07 in New York.
    expect(toLocalInputValue("2026-07-02T09:45:07.000Z", "Europe/Stockholm")).toBe(
      "2026-07-02T11:45:07",
    );
    expect(toLocalInputValue("2026-07-02T09:45:07.000Z", "America/New_York")).toBe(
      "2026-07-02T05:45:07",
    );
    expect(toLocalInputValue(null, "UTC")).toBe("");
    // Either side of the autumn change in Stockholm (03:00 CEST → 02:00 CET on 25 Oct 2026;
    // 02:00–02:59 happens twice there, so only an edited value is ever sent back).
    for (const iso of ["2026-10-24T23:30:00.000Z", "2026-10-25T02:30:00.000Z"]) {
      const local = toLocalInputValue(iso, "Europe/Stockholm");
      expect(parseLocalDateTime(local, "Europe/Stockholm")?.toISOString()).toBe(iso);
    }
  });
});

import { describe, expect, it } from "vitest";
import { describeChanges, webhookDeliveriesQueryOptions } from "./webhooks";

// A fixed formatter keeps the test independent of the machine's zone and locale.
const formatInstant = (iso: string) => `[${iso.slice(11, 19)}]`;

describe("describeChanges", () => {
  it("lists each changed field as before → after, with instants formatted", () => {
    expect(
      describeChanges(
        {
          incident: {
            pagerdutyId: "PINC101",
            number: 101,
            title: "Checkout returns 502",
            fields: {
              status: { before: "triggered", after: "resolved" },
              acknowledgedAt: { before: null, after: "2026-11-20T03:47:13.000Z" },
              resolved_by_merge: { before: false, after: true },
              urgency: { before: "low", after: "" },
            },
          },
          logEntry: "acknowledge_log_entry by Ben",
        },
        formatInstant,
      ),
    ).toEqual({
      fields: [
        "status: triggered → resolved",
        "acknowledged at: — → [03:47:13]",
        "resolved by merge: no → yes",
        "urgency: low → —",
      ],
      logEntry: "acknowledge_log_entry by Ben",
      incidentTitle: "Checkout returns 502",
    });
  });

  it("reads the list the applier stores, one entry per applied event", () => {
    expect(
      describeChanges(
        [
          {
            incident: {
              pagerdutyId: "Q2CKYRLH85UNN4",
              number: 37,
              title: "Test",
              fields: {
                status: { before: "acknowledged", after: "resolved" },
                "resolved at": { before: null, after: "2025-04-07T03:49:36.358Z" },
              },
            },
            logEntry: "resolve_log_entry: Resolved by Ben",
            notes: [],
          },
          { incident: null, logEntry: "annotate_log_entry: Note by Ben: done", notes: [] },
        ],
        formatInstant,
      ),
    ).toEqual({
      fields: ["status: acknowledged → resolved", "resolved at: — → [03:49:36]"],
      logEntry: "resolve_log_entry: Resolved by Ben; annotate_log_entry: Note by Ben: done",
      incidentTitle: "Test",
    });
  });

  it("leaves out whatever is missing or malformed instead of throwing", () => {
    const empty = { fields: [], logEntry: null, incidentTitle: null };
    expect(describeChanges(null, formatInstant)).toEqual(empty);
    expect(describeChanges("applied", formatInstant)).toEqual(empty);
    expect(describeChanges({ incident: null, logEntry: null }, formatInstant)).toEqual(empty);
    expect(describeChanges({ logEntry: "note_log_entry by Ada" }, formatInstant)).toEqual({
      ...empty,
      logEntry: "note_log_entry by Ada",
    });
    expect(
      describeChanges({ incident: { title: 7, fields: ["status"] }, logEntry: 3 }, formatInstant),
    ).toEqual(empty);
    expect(
      describeChanges(
        { incident: { fields: { priority: "P1", assignees: { before: [], after: ["Ben"] } } } },
        formatInstant,
      ).fields,
    ).toEqual(["priority: — → P1", 'assignees: [] → ["Ben"]']);
  });
});

describe("webhookDeliveriesQueryOptions", () => {
  it("keys on normalised filters so unset and empty share a cache entry", () => {
    expect(webhookDeliveriesQueryOptions({}).queryKey).toEqual(
      webhookDeliveriesQueryOptions({ eventType: "", incident: "  " }).queryKey,
    );
    expect(
      webhookDeliveriesQueryOptions({ verdict: "applied", incident: " 101 ", before: 40 }).queryKey,
    ).toEqual([
      "webhooks",
      "deliveries",
      { verdict: "applied", eventType: null, incident: "101", before: 40 },
    ]);
  });
});

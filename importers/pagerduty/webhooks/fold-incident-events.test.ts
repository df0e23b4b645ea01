import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IncidentStatusValue } from "../records";
import {
  compareEvents,
  type FoldedIncident,
  foldIncidentEvents,
  type IncidentEventFact,
  nextIncidentState,
  type StoredIncidentState,
} from "./fold-incident-events";

/** "10:05" on 2 March 2026, UTC. */
const at = (time: string) => new Date(`2026-03-02T${time}:00Z`);

function event(
  eventId: string,
  time: string,
  incidentStatus: IncidentStatusValue | null,
  extra: Partial<IncidentEventFact> = {},
): IncidentEventFact {
  return {
    eventId,
    occurredAt: at(time),
    incidentStatus,
    incidentCreatedAt: null,
    hasIncidentData: incidentStatus !== null,
    isAcknowledgement: false,
    ...extra,
  };
}

const triggered = event("e-trigger", "10:00", "triggered");
const acknowledged = event("e-ack", "10:05", "acknowledged", { isAcknowledgement: true });
const resolved = event("e-resolve", "10:30", "resolved");

const NOTHING_FOLDED: FoldedIncident = {
  status: null,
  statusAt: null,
  resolvedAt: null,
  isResolveSeen: false,
  firstAcknowledgedAt: null,
  createdAt: null,
  isCreatedAtStated: false,
  latestSnapshotEventId: null,
};

describe("foldIncidentEvents", () => {
  it("folds nothing to nothing", () => {
    expect(foldIncidentEvents([])).toEqual(NOTHING_FOLDED);
  });

  it.each([
    ["in order", [triggered, acknowledged, resolved]],
    ["resolve first", [resolved, triggered, acknowledged]],
    ["reversed", [resolved, acknowledged, triggered]],
  ])("folds trigger 10:00, ack 10:05, resolve 10:30 received %s", (_label, events) => {
    expect(foldIncidentEvents(events)).toEqual<FoldedIncident>({
      status: "resolved",
      statusAt: at("10:30"),
      resolvedAt: at("10:30"),
      isResolveSeen: true,
      firstAcknowledgedAt: at("10:05"),
      createdAt: at("10:00"),
      isCreatedAtStated: false,
      latestSnapshotEventId: "e-resolve",
    });
  });

  it("lets an acknowledgement that arrives after the resolve change nothing but the first ack", () => {
    const withoutAck = foldIncidentEvents([triggered, resolved]);
    const lateAck = foldIncidentEvents([triggered, resolved, acknowledged]);
    expect(withoutAck.firstAcknowledgedAt).toBeNull();
    expect(lateAck).toEqual({ ...withoutAck, firstAcknowledgedAt: at("10:05") });
    expect(lateAck.status).toBe("resolved");
    expect(lateAck.resolvedAt).toEqual(at("10:30"));
  });

  it("keeps the earliest acknowledgement as the first", () => {
    const again = event("e-ack-2", "10:20", "acknowledged", { isAcknowledgement: true });
    expect(foldIncidentEvents([again, triggered, acknowledged]).firstAcknowledgedAt).toEqual(
      at("10:05"),
    );
  });

  it("ends a resolve with a reopen, and takes the time of the second resolve", () => {
    const reopened = event("e-reopen", "11:00", "triggered");
    const resolvedAgain = event("e-resolve-2", "11:20", "resolved");
    const events = [resolvedAgain, triggered, reopened, resolved];
    expect(foldIncidentEvents(events)).toMatchObject({
      status: "resolved",
      statusAt: at("11:20"),
      resolvedAt: at("11:20"),
    });
    expect(foldIncidentEvents([triggered, resolved, reopened])).toMatchObject({
      status: "triggered",
      statusAt: at("11:00"),
      resolvedAt: null,
    });
  });

  it("keeps the resolve time when a later event (a priority change) still says resolved", () => {
    const priorityChanged = event("e-priority", "10:40", "resolved");
    expect(foldIncidentEvents([priorityChanged, triggered, resolved])).toMatchObject({
      status: "resolved",
      statusAt: at("10:40"),
      resolvedAt: at("10:30"),
      latestSnapshotEventId: "e-priority",
    });
  });

  it("puts an acknowledgement before a resolve stamped at the same millisecond", () => {
    const ackAtResolve = event("z-ack", "10:30", "acknowledged", { isAcknowledgement: true });
    const resolveAtSameTime = event("a-resolve", "10:30", "resolved");
    expect(compareEvents(ackAtResolve, resolveAtSameTime)).toBeLessThan(0);
    expect(compareEvents(resolveAtSameTime, ackAtResolve)).toBeGreaterThan(0);
    expect(foldIncidentEvents([resolveAtSameTime, ackAtResolve])).toMatchObject({
      status: "resolved",
      resolvedAt: at("10:30"),
      firstAcknowledgedAt: at("10:30"),
      latestSnapshotEventId: "a-resolve",
    });
  });

  it("orders events at the same time and status by id", () => {
    const first = event("a", "10:00", "triggered");
    const second = event("b", "10:00", "triggered");
    expect(compareEvents(first, second)).toBeLessThan(0);
    expect(compareEvents(second, first)).toBeGreaterThan(0);
    expect(compareEvents(first, { ...first })).toBe(0);
    expect(foldIncidentEvents([second, first]).latestSnapshotEventId).toBe("b");
  });

  it("puts an event that states no status before one that does at the same time", () => {
    const note = event("z-note", "10:30", null);
    expect(compareEvents(note, resolved)).toBeLessThan(0);
  });

  it("takes a stated created_at over the earliest event", () => {
    const stated = event("e-trigger", "10:00", "triggered", { incidentCreatedAt: at("09:58") });
    expect(foldIncidentEvents([resolved, stated])).toMatchObject({
      createdAt: at("09:58"),
      isCreatedAtStated: true,
    });
  });

  it("takes the earliest of several stated created_at values", () => {
    const late = event("e-late", "10:00", "triggered", { incidentCreatedAt: at("09:59") });
    const early = event("e-early", "10:30", "resolved", { incidentCreatedAt: at("09:57") });
    expect(foldIncidentEvents([late, early]).createdAt).toEqual(at("09:57"));
  });

  it("falls back to the earliest event when no created_at is stated", () => {
    const note = event("e-note", "09:59", null);
    expect(foldIncidentEvents([resolved, note, triggered])).toMatchObject({
      createdAt: at("09:59"),
      isCreatedAtStated: false,
    });
  });

  it("names the newest event that carries the incident itself as the snapshot", () => {
    const note = event("e-note", "10:45", null, { hasIncidentData: false });
    const events = [note, triggered, resolved, acknowledged];
    expect(foldIncidentEvents(events).latestSnapshotEventId).toBe("e-resolve");
    expect(foldIncidentEvents([note]).latestSnapshotEventId).toBeNull();
  });

  it("leaves the status alone for events that state none", () => {
    const note = event("e-note", "10:45", null, { hasIncidentData: false });
    expect(foldIncidentEvents([triggered, note])).toMatchObject({
      status: "triggered",
      statusAt: at("10:00"),
    });
  });

  const statuses: IncidentStatusValue[] = ["triggered", "acknowledged", "resolved"];
  // A few minutes on one morning, so many events share a millisecond and the tie rules matter.
  const minute = fc.integer({ min: 0, max: 12 });
  const minuteDate = minute.map((offset) => new Date(at("10:00").getTime() + offset * 60_000));
  const eventFacts = fc.uniqueArray(
    fc.record({
      eventId: fc.string({ minLength: 1, maxLength: 4 }),
      occurredAt: minuteDate,
      incidentStatus: fc.constantFrom<IncidentStatusValue | null>(null, ...statuses),
      incidentCreatedAt: fc.option(minuteDate, { nil: null }),
      hasIncidentData: fc.boolean(),
      isAcknowledgement: fc.boolean(),
    }),
    { selector: (fact) => fact.eventId, maxLength: 12 },
  );

  it("gives one answer whatever order the events arrive in", () => {
    fc.assert(
      fc.property(
        eventFacts.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        ([events, arrived]) => {
          expect(arrived).toHaveLength(events.length);
          const inOrder = [...events].sort(compareEvents);
          expect(foldIncidentEvents(arrived)).toEqual(foldIncidentEvents(inOrder));
        },
      ),
    );
  });

  it("has a resolve time exactly when resolved, never after the status time", () => {
    fc.assert(
      fc.property(eventFacts, (events) => {
        const folded = foldIncidentEvents(events);
        if (folded.status === "resolved") {
          expect(folded.resolvedAt).not.toBeNull();
          expect(folded.resolvedAt?.getTime()).toBeLessThanOrEqual(
            folded.statusAt?.getTime() ?? Number.NaN,
          );
        } else {
          expect(folded.resolvedAt).toBeNull();
        }
        const acknowledgements = events
          .filter((fact) => fact.isAcknowledgement)
          .map((fact) => fact.occurredAt.getTime());
        expect(folded.firstAcknowledgedAt?.getTime() ?? null).toBe(
          acknowledgements.length > 0 ? Math.min(...acknowledgements) : null,
        );
      }),
    );
  });
});

describe("nextIncidentState", () => {
  const fallback = at("12:30");
  const foldedResolved = foldIncidentEvents([triggered, acknowledged, resolved]);

  it("takes the folded values when nothing is stored", () => {
    expect(nextIncidentState(null, foldedResolved, fallback)).toEqual({
      status: "resolved",
      statusChangedAt: at("10:30"),
      acknowledgedAt: at("10:05"),
      resolvedAt: at("10:30"),
      createdAt: at("10:00"),
    });
  });

  it("keeps a stored status that something newer set (a REST log resolve at 12:00)", () => {
    const stored: StoredIncidentState = {
      status: "resolved",
      statusChangedAt: at("12:00"),
      acknowledgedAt: null,
      resolvedAt: at("12:00"),
      createdAt: at("10:00"),
    };
    const foldedTriggered = foldIncidentEvents([event("e-trigger", "11:00", "triggered")]);
    expect(nextIncidentState(stored, foldedTriggered, fallback)).toEqual({
      status: "resolved",
      statusChangedAt: at("12:00"),
      acknowledgedAt: null,
      resolvedAt: at("12:00"),
      createdAt: at("10:00"),
    });
  });

  it("lets newer events win, and clears the resolve when they are not resolved", () => {
    const stored: StoredIncidentState = {
      status: "resolved",
      statusChangedAt: at("10:30"),
      acknowledgedAt: null,
      resolvedAt: at("10:30"),
      createdAt: at("10:00"),
    };
    const reopened = foldIncidentEvents([event("e-reopen", "11:00", "triggered")]);
    expect(nextIncidentState(stored, reopened, fallback)).toEqual({
      status: "triggered",
      statusChangedAt: at("11:00"),
      acknowledgedAt: null,
      resolvedAt: null,
      createdAt: at("10:00"),
    });
  });

  it("keeps a stored resolve time that a later event still saying resolved does not move", () => {
    // Resolved at 10:30 by the REST sync; a priority change at 10:40 carries status resolved.
    const stored: StoredIncidentState = {
      status: "resolved",
      statusChangedAt: at("10:30"),
      acknowledgedAt: at("10:05"),
      resolvedAt: at("10:30"),
      createdAt: at("10:00"),
    };
    const priorityChanged = foldIncidentEvents([event("e-priority", "10:40", "resolved")]);
    expect(priorityChanged).toMatchObject({ resolvedAt: at("10:40"), isResolveSeen: false });
    expect(nextIncidentState(stored, priorityChanged, fallback)).toEqual({
      status: "resolved",
      statusChangedAt: at("10:40"),
      acknowledgedAt: at("10:05"),
      resolvedAt: at("10:30"),
      createdAt: at("10:00"),
    });
    // A reopen at 11:00 and a resolve at 11:20 are seen happening: 11:20 is the resolve.
    const resolvedAgain = foldIncidentEvents([
      event("e-reopen", "11:00", "triggered"),
      event("e-resolve-2", "11:20", "resolved"),
    ]);
    expect(nextIncidentState(stored, resolvedAgain, fallback).resolvedAt).toEqual(at("11:20"));
  });

  it("lets the events win when the stored status has no time", () => {
    const stored: StoredIncidentState = {
      status: "triggered",
      statusChangedAt: null,
      acknowledgedAt: null,
      resolvedAt: null,
      createdAt: at("10:00"),
    };
    expect(nextIncidentState(stored, foldedResolved, fallback)).toMatchObject({
      status: "resolved",
      statusChangedAt: at("10:30"),
      resolvedAt: at("10:30"),
    });
  });

  it("keeps what is stored when the events state no status", () => {
    const stored: StoredIncidentState = {
      status: "acknowledged",
      statusChangedAt: at("10:05"),
      acknowledgedAt: at("10:05"),
      resolvedAt: null,
      createdAt: at("10:00"),
    };
    const noteOnly = foldIncidentEvents([event("e-note", "10:45", null)]);
    expect(nextIncidentState(stored, noteOnly, fallback)).toEqual(stored);
  });

  it.each([
    ["stored", at("10:02"), at("10:02")],
    ["folded", at("10:08"), at("10:05")],
  ])("takes the earliest acknowledgement (earliest is %s)", (_label, storedAck, expected) => {
    const stored: StoredIncidentState = {
      status: "resolved",
      statusChangedAt: at("10:30"),
      acknowledgedAt: storedAck,
      resolvedAt: at("10:30"),
      createdAt: at("10:00"),
    };
    expect(nextIncidentState(stored, foldedResolved, fallback).acknowledgedAt).toEqual(expected);
  });

  it("keeps a stored (REST) creation earlier than an unstated folded one", () => {
    const stored: StoredIncidentState = {
      status: "triggered",
      statusChangedAt: null,
      acknowledgedAt: null,
      resolvedAt: null,
      createdAt: at("09:50"),
    };
    expect(foldedResolved.isCreatedAtStated).toBe(false);
    expect(nextIncidentState(stored, foldedResolved, fallback).createdAt).toEqual(at("09:50"));
  });

  it("takes an unstated folded creation when it is earlier than the stored one", () => {
    const stored: StoredIncidentState = {
      status: "triggered",
      statusChangedAt: null,
      acknowledgedAt: null,
      resolvedAt: null,
      createdAt: at("10:10"),
    };
    expect(nextIncidentState(stored, foldedResolved, fallback).createdAt).toEqual(at("10:00"));
  });

  it("takes a stated folded creation over the stored one", () => {
    const stored: StoredIncidentState = {
      status: "triggered",
      statusChangedAt: null,
      acknowledgedAt: null,
      resolvedAt: null,
      createdAt: at("09:50"),
    };
    const statedTrigger = event("e-trigger", "10:00", "triggered", {
      incidentCreatedAt: at("09:58"),
    });
    const folded = foldIncidentEvents([statedTrigger]);
    expect(folded.isCreatedAtStated).toBe(true);
    expect(nextIncidentState(stored, folded, fallback).createdAt).toEqual(at("09:58"));
  });

  it("uses the fallback time when nothing is stored and no event is folded", () => {
    expect(nextIncidentState(null, NOTHING_FOLDED, fallback)).toEqual({
      status: "triggered",
      statusChangedAt: null,
      acknowledgedAt: null,
      resolvedAt: null,
      createdAt: at("12:30"),
    });
  });
});

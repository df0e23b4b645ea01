import { type Arrival, arrivalsBetween } from "./incident-arrivals";
import { type DescribedIncident, describeIncident, type OpenIncident } from "./incident-builder";
import { buildTimeline, type Timeline } from "./incident-timeline";
import { byId, type Organisation } from "./organisation-types";
import { idSalt, sequencePagerDutyId } from "./pagerduty-ids";
import { createRandom } from "./random";
import type { OnCallLookup } from "./rotations";
import type { IncidentSink } from "./seed-rows";
import { HOUR, WEEK } from "./zoned-time";

const STILL_OPEN_WINDOW = 36 * HOUR;

/**
 * Streams incidents week by week: each week's arrivals are generated, sorted and expanded into
 * rows straight into the sink, so memory holds one week of arrivals whatever the scale. Ids are
 * dense and follow createdAt, so the same inputs always give the same ids.
 */
export class IncidentGenerator {
  readonly weekCount: number;
  private nextIncidentId = 1;
  private nextLogEntryId = 1;
  private nextPageId = 1;
  private readonly openByService = new Map<number, OpenIncident>();
  private readonly incidentSalt: number;
  private readonly logEntrySalt: number;

  constructor(
    private readonly organisation: Organisation,
    private readonly onCall: OnCallLookup,
    private readonly from: number,
    private readonly until: number,
    private readonly seed: number,
  ) {
    this.weekCount = Math.ceil((until - from) / WEEK);
    const salts = createRandom(seed, "id-salts");
    this.incidentSalt = idSalt(salts);
    this.logEntrySalt = idSalt(salts);
  }

  get counts() {
    return {
      incidents: this.nextIncidentId - 1,
      logEntries: this.nextLogEntryId - 1,
      pages: this.nextPageId - 1,
    };
  }

  /** Writes week `index` (0-based from `from`) to the sink; returns how many incidents it made. */
  generateWeek(index: number, sink: IncidentSink): number {
    let count = 0;
    for (const _ of this.incidentsOfWeek(index, sink)) count++;
    return count;
  }

  /**
   * The same, one incident at a time: it yields after each incident's rows reach the sink, so a
   * writer can flush in the middle of a busy week instead of buffering all of it.
   */
  *incidentsOfWeek(index: number, sink: IncidentSink): Generator<number> {
    const start = this.from + index * WEEK;
    const end = Math.min(start + WEEK, this.until);
    const progress = (start + (end - start) / 2 - this.from) / (this.until - this.from);
    const arrivals = arrivalsBetween(
      this.organisation,
      start,
      end,
      progress,
      createRandom(this.seed, "arrivals", index),
    );
    const random = createRandom(this.seed, "incidents", index);
    const personAt = (scheduleId: number, instant: number) =>
      this.onCall.personAt(scheduleId, instant);
    const person = (id: number) => byId(this.organisation.people, id);
    const until = this.until;

    for (const arrival of arrivals) {
      const open = this.openByService.get(arrival.serviceId);
      const openOnService =
        open && arrival.at < open.resolvedAt && arrival.at - open.createdAt < 3 * HOUR
          ? open
          : undefined;
      const described = describeIncident(arrival, openOnService, {
        organisation: this.organisation,
        personAt,
        random,
        progress,
      });
      // Some of the last day and a half's incidents are still being worked on when the data ends.
      const resolution = described.plan.end;
      if (
        arrival.at > until - STILL_OPEN_WINDOW &&
        resolution.kind === "responder" &&
        random.chance(0.5)
      ) {
        resolution.afterMs += until - arrival.at;
      }
      const timeline = buildTimeline(described.plan, { personAt, person, random });

      const { id, pagerdutyId } = this.write(arrival, described, timeline, sink);
      const createdAt = arrival.at;
      if (!described.mergedInto) {
        const handler = timeline.events.find(
          (event) => event.type === "acknowledge_log_entry",
        )?.personId;
        this.openByService.set(arrival.serviceId, {
          pagerdutyId,
          number: id,
          createdAt,
          resolvedAt: timeline.resolvedAt,
          handledBy: handler ?? personAt(described.plan.primaryScheduleId, createdAt),
        });
      }
      yield id;
    }
  }

  /**
   * Emits the incident, its team, its log entries and one page per notification. Nothing after
   * `until` has happened yet, so the most recent incidents may still be open.
   */
  private write(
    arrival: Arrival,
    described: DescribedIncident,
    timeline: Timeline,
    sink: IncidentSink,
  ): { id: number; pagerdutyId: string } {
    const until = this.until;
    const id = this.nextIncidentId++;
    const pagerdutyId = sequencePagerDutyId("Q", id, this.incidentSalt);
    const createdAt = arrival.at;
    const acknowledgedAt =
      timeline.acknowledgedAt !== undefined && timeline.acknowledgedAt < until
        ? timeline.acknowledgedAt
        : null;
    const resolvedAt = timeline.resolvedAt < until ? timeline.resolvedAt : null;
    const mergedInto = resolvedAt !== null ? described.mergedInto : undefined;
    sink.incident({
      id,
      pagerdutyId,
      number: id,
      title: described.title,
      serviceId: arrival.serviceId,
      urgency: described.urgency,
      priority: described.priority,
      status:
        resolvedAt !== null ? "resolved" : acknowledgedAt !== null ? "acknowledged" : "triggered",
      incidentKey: described.incidentKey,
      startedAt: described.startedAt,
      startedAtSource: described.startedAt === null ? null : "custom_field",
      createdAt,
      acknowledgedAt,
      resolvedAt,
      statusChangedAt: resolvedAt ?? acknowledgedAt ?? createdAt,
      resolvedByMerge: mergedInto !== undefined,
      mergedIntoPagerdutyId: mergedInto?.pagerdutyId ?? null,
      triggerChannel: described.triggerChannel,
      detectionSource: described.detectionSource,
      detectionRule: described.detectionRule,
    });
    sink.incidentTeam({ incidentId: id, teamId: arrival.teamId, incidentCreatedAt: createdAt });

    for (const event of timeline.events) {
      if (event.at >= until) continue;
      const logEntryId = this.nextLogEntryId++;
      sink.logEntry({
        id: logEntryId,
        pagerdutyId: sequencePagerDutyId("R", logEntryId, this.logEntrySalt),
        incidentId: id,
        type: event.type,
        at: event.at,
        agentType: event.agentType,
        agentPagerdutyId: event.agentPagerdutyId,
        channelType: event.channelType,
        notificationType: event.notificationType,
        personId: event.personId,
        summary: event.summary,
      });
      if (event.type === "notify_log_entry" && event.personId !== null && event.notificationType) {
        sink.page({
          id: this.nextPageId++,
          personId: event.personId,
          incidentId: id,
          channel: event.notificationType,
          at: event.at,
          logEntryId,
        });
      }
    }
    return { id, pagerdutyId };
  }
}

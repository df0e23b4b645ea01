import { classifyDetection, DEFAULT_DETECTION_RULES } from "@/lib/metrics/detection-source";
import type { Arrival } from "./incident-arrivals";
import type { IncidentEnd, ResponsePlan, TimelineEvent } from "./incident-timeline";
import type { Organisation, Person, Service, Team } from "./organisation-types";
import { byId } from "./organisation-types";
import type { Random } from "./random";
import { type DetectionSource, TRIGGER_AGENT_TYPES, type TriggerChannel } from "./seed-rows";
import { localParts, MINUTE } from "./zoned-time";

/**
 * Decides what an incident is (title, urgency, how it was triggered, what detected it, when the
 * impact started) and how people respond to it. Response times are log-normal, slower at night,
 * a little faster each quarter; customer reports carry a long time-to-detect because somebody
 * had to notice, write in and be triaged first.
 */

export interface OpenIncident {
  pagerdutyId: string;
  number: number;
  createdAt: number;
  resolvedAt: number;
  handledBy: number | undefined;
}

export interface DescribedIncident {
  title: string;
  urgency: "high" | "low";
  priority: string | null;
  incidentKey: string | null;
  startedAt: number | null;
  triggerChannel: TriggerChannel;
  detectionSource: DetectionSource;
  detectionRule: string;
  mergedInto: OpenIncident | undefined;
  plan: ResponsePlan;
}

export interface BuilderContext {
  organisation: Organisation;
  personAt(scheduleId: number, instant: number): number | undefined;
  random: Random;
  /** 0 on the first day of the range, 1 on the last. */
  progress: number;
}

const REGIONS = [
  "eu-west-1",
  "eu-north-1",
  "us-east-1",
  "us-west-2",
  "ap-southeast-2",
  "ap-south-1",
];
const LATENCIES = [800, 1200, 1500, 2000, 3000];

function fillTitle(template: string, random: Random): string {
  return template
    .replace("{n}", String(random.int(1, 12)))
    .replace("{region}", random.pick(REGIONS))
    .replace("{pct}", String(random.int(2, 15)))
    .replace("{ms}", String(random.pick(LATENCIES)))
    .replace("{ticket}", String(random.int(48_000, 99_999)));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Whole seconds, as PagerDuty reports them. */
function seconds(milliseconds: number): number {
  return Math.round(milliseconds / 1000) * 1000;
}

function minutes(random: Random, median: number, sigma: number, min: number, max: number): number {
  return seconds(clamp(random.logNormal(median, sigma), min, max) * MINUTE);
}

function priorityFor(urgency: "high" | "low", customer: boolean, random: Random): string | null {
  if (customer && urgency === "high") {
    return random.weighted<string | null>([
      ["P1", 4],
      ["P2", 20],
      ["P3", 35],
      [null, 41],
    ]);
  }
  if (urgency === "high") {
    return random.weighted<string | null>([
      ["P1", 2],
      ["P2", 8],
      ["P3", 18],
      ["P4", 10],
      ["P5", 2],
      [null, 60],
    ]);
  }
  return random.weighted<string | null>([
    ["P3", 3],
    ["P4", 10],
    ["P5", 10],
    [null, 77],
  ]);
}

function triggerVia(arrival: Arrival, service: Service, random: Random): TriggerChannel {
  switch (service.spec.kind) {
    case "paging-test":
    case "noisy":
      return "events_api";
    case "customer-intake":
      return random.chance(0.7) ? "web" : "email";
    case "standard":
      if (arrival.cause !== "organic") return "events_api";
      return random.weighted<TriggerChannel>([
        ["events_api", 78],
        ["email", 8],
        ["web", 14],
      ]);
  }
}

function triggerEvent(
  via: TriggerChannel,
  at: number,
  service: Service,
  triggeredBy: Person | undefined,
): TimelineEvent {
  if (via === "web" && triggeredBy) {
    return {
      type: "trigger_log_entry",
      at,
      personId: triggeredBy.id,
      agentType: TRIGGER_AGENT_TYPES.web,
      agentPagerdutyId: triggeredBy.pagerdutyId,
      channelType: "web_trigger",
      notificationType: null,
      summary: `Triggered through the website by ${triggeredBy.name}.`,
    };
  }
  return {
    type: "trigger_log_entry",
    at,
    personId: null,
    agentType: TRIGGER_AGENT_TYPES[via === "email" ? "email" : "events_api"],
    agentPagerdutyId: via === "email" ? service.emailIntegrationId : service.eventsIntegrationId,
    channelType: via === "email" ? "email" : "api",
    notificationType: null,
    summary: via === "email" ? "Triggered through email." : "Triggered through the API.",
  };
}

function titleFor(arrival: Arrival, service: Service, via: TriggerChannel, random: Random): string {
  if (arrival.cause === "dst" && random.chance(0.5)) {
    return arrival.offsetChange !== undefined && arrival.offsetChange < 0
      ? `Scheduled job ran twice during the DST change (${service.slug})`
      : `Scheduled job skipped during the DST change (${service.slug})`;
  }
  const staffTitles = service.spec.staffTitles;
  if (via === "web" && service.spec.kind === "standard" && staffTitles && staffTitles.length > 0) {
    return random.pick(staffTitles);
  }
  const alerts = service.spec.alerts;
  const alert = alerts[random.weightedIndex(alerts.map((kind) => kind.weight))];
  return fillTitle(alert?.title ?? service.name, random);
}

/**
 * The label the product itself would give (default rules, no admin flags on the seeded services),
 * so the demo never disagrees with a recompute after an import or a settings change.
 */
function detectionFor(
  title: string,
  service: Service,
  via: TriggerChannel,
): { source: DetectionSource; rule: string } {
  return classifyDetection(
    {
      title,
      serviceName: service.name,
      serviceIsCustomerIntake: null,
      serviceIsPagingTest: null,
      reportedDetectionSource: null,
      override: null,
      triggerChannel: via,
      triggerAgentType: TRIGGER_AGENT_TYPES[via],
      triggerEmailFrom: null,
    },
    DEFAULT_DETECTION_RULES,
  );
}

/** Minutes between the impact starting and PagerDuty knowing; undefined when nobody recorded it. */
function detectionDelay(
  detection: DetectionSource,
  service: Service,
  context: BuilderContext,
): number | undefined {
  const { random, progress } = context;
  switch (detection) {
    case "test":
      return undefined;
    case "customer":
      return random.chance(0.75)
        ? minutes(random, 50 * (1.2 - 0.4 * progress), 0.8, 8, 720)
        : undefined;
    case "staff":
      return random.chance(0.45) ? minutes(random, 20, 0.9, 2, 360) : undefined;
    default:
      return random.chance(service.spec.kind === "noisy" ? 0.15 : 0.55)
        ? minutes(random, 4, 0.7, 0.5, 120)
        : undefined;
  }
}

function isAsleep(person: Person | undefined, at: number): boolean {
  if (!person) return false;
  const hour = localParts(at, person.homeZone).hour;
  return hour >= 22 || hour < 8;
}

function urgencyFor(
  arrival: Arrival,
  service: Service,
  via: TriggerChannel,
  random: Random,
): "high" | "low" {
  if (
    service.spec.kind === "paging-test" ||
    arrival.cause === "holiday" ||
    arrival.cause === "dst"
  ) {
    return "high";
  }
  const share =
    via === "web" && service.spec.kind === "standard" ? 0.75 : service.spec.highUrgencyShare;
  return random.chance(share) ? "high" : "low";
}

interface Response {
  escalates: boolean;
  primaryAck: number | undefined;
  secondaryAck: number | undefined;
  end: IncidentEnd;
}

/** The responder of the open incident merges the duplicate into it instead of acknowledging. */
function mergedResponse(parent: OpenIncident, afterMs: number, urgency: "high" | "low"): Response {
  return {
    escalates: urgency === "high",
    primaryAck: undefined,
    secondaryAck: undefined,
    end: { kind: "merge", afterMs, parentNumber: parent.number, byPersonId: parent.handledBy },
  };
}

function integrationEnd(service: Service, afterMs: number): IncidentEnd {
  return { kind: "integration", afterMs, integrationId: service.eventsIntegrationId };
}

function responseFor(
  service: Service,
  urgency: "high" | "low",
  detection: DetectionSource,
  primary: { asleep: boolean; speed: number },
  random: Random,
): Response {
  const { asleep, speed } = primary;
  switch (service.spec.kind) {
    case "paging-test": {
      const primaryAck = random.chance(0.94)
        ? minutes(random, 1.2 * speed, 0.7, 0.2, 12)
        : undefined;
      return {
        escalates: false,
        primaryAck,
        secondaryAck: undefined,
        // Unanswered tests are closed by the job that raised them.
        end:
          primaryAck === undefined
            ? integrationEnd(service, 15 * MINUTE)
            : { kind: "responder", afterMs: minutes(random, 1.5, 0.5, 0.3, 10), channel: "mobile" },
      };
    }
    case "noisy":
      // Flapping checks and failed batch runs clear themselves before anybody gets to them.
      return {
        escalates: urgency === "high",
        primaryAck: undefined,
        secondaryAck: undefined,
        end: integrationEnd(service, minutes(random, 2.8, 0.7, 0.7, 40)),
      };
    default:
      break;
  }
  if (urgency === "low") {
    const primaryAck = random.chance(0.45) ? minutes(random, 18 * speed, 1.0, 1, 360) : undefined;
    const end: IncidentEnd =
      detection === "monitoring" && random.chance(0.6)
        ? integrationEnd(service, minutes(random, 45, 1.2, 2, 2880))
        : { kind: "responder", afterMs: minutes(random, 150, 1.0, 5, 4320), channel: "website" };
    return { escalates: false, primaryAck, secondaryAck: undefined, end };
  }
  // Woken at night, people take longer to answer and miss more pages.
  const primaryAck = random.chance(asleep ? 0.86 : 0.94)
    ? minutes(random, (asleep ? 5.5 : 2.2) * speed, 0.75, 0.25, 60)
    : undefined;
  const secondaryAck = random.chance(0.9) ? minutes(random, 3.7, 0.7, 0.3, 45) : undefined;
  let end: IncidentEnd;
  if (detection === "monitoring" && random.chance(0.08)) {
    end = integrationEnd(service, minutes(random, 2.5, 0.6, 0.5, 15));
  } else if (detection === "monitoring" && random.chance(0.55)) {
    end = integrationEnd(service, minutes(random, 40, 1.0, 3, 1200));
  } else {
    const median = detection === "monitoring" ? 35 : 75;
    end = {
      kind: "responder",
      afterMs: minutes(random, median, 1.0, 2, 1440),
      channel: asleep ? "mobile" : "website",
    };
  }
  return { escalates: true, primaryAck, secondaryAck, end };
}

export function describeIncident(
  arrival: Arrival,
  openOnService: OpenIncident | undefined,
  context: BuilderContext,
): DescribedIncident {
  const { organisation, random, progress } = context;
  const service = byId(organisation.services, arrival.serviceId);
  const team: Team = byId(organisation.teams, arrival.teamId);
  const kind = service.spec.kind;
  const createdAt = arrival.at;
  const via = triggerVia(arrival, service, random);
  const triggeredBy =
    via !== "web"
      ? undefined
      : kind === "customer-intake" && organisation.supportAgentIds.length > 0
        ? byId(organisation.people, random.pick(organisation.supportAgentIds))
        : byId(organisation.people, random.pick(team.memberIds));
  const title = titleFor(arrival, service, via, random);
  const detection = detectionFor(title, service, via);
  const urgency = urgencyFor(arrival, service, via, random);
  const delay = detectionDelay(detection.source, service, context);

  const primaryId = context.personAt(team.primaryScheduleId, createdAt);
  const primary = primaryId === undefined ? undefined : byId(organisation.people, primaryId);
  const asleep = isAsleep(primary, createdAt);
  const speed = (primary?.responsiveness ?? 1) * (1.1 - 0.2 * progress);
  const mergeable =
    (kind === "standard" || kind === "customer-intake") && openOnService !== undefined;
  const mergeChance = arrival.cause === "follow-on" ? 0.55 : 0.2;
  const mergeAfter = minutes(random, 4, 0.6, 0.7, 20);
  const mergedInto =
    mergeable && random.chance(mergeChance) && createdAt + mergeAfter < openOnService.resolvedAt
      ? openOnService
      : undefined;

  const response = mergedInto
    ? mergedResponse(mergedInto, mergeAfter, urgency)
    : responseFor(service, urgency, detection.source, { asleep, speed }, random);
  const reassign =
    urgency === "high" && kind !== "paging-test" && random.chance(0.05)
      ? {
          afterAckMs: minutes(random, 10, 0.6, 2, 60),
          ackAfterMs: minutes(random, 2.5, 0.6, 0.3, 20),
        }
      : undefined;

  return {
    title,
    urgency,
    priority:
      kind === "paging-test" ? null : priorityFor(urgency, kind === "customer-intake", random),
    incidentKey:
      via === "events_api"
        ? `${service.slug}/${random.hex(12)}`
        : random.chance(0.9)
          ? random.hex(32)
          : null,
    startedAt: delay === undefined ? null : createdAt - delay,
    triggerChannel: via,
    detectionSource: detection.source,
    detectionRule: detection.rule,
    mergedInto,
    plan: {
      createdAt,
      urgency,
      trigger: triggerEvent(via, createdAt, service, triggeredBy),
      servicePagerdutyId: service.pagerdutyId,
      primaryScheduleId: team.primaryScheduleId,
      secondaryScheduleId: team.secondaryScheduleId,
      escalationDelayMs: response.escalates ? team.spec.escalationDelayMinutes * MINUTE : undefined,
      primaryAckAfterMs: response.primaryAck,
      secondaryAckAfterMs: response.secondaryAck,
      end: response.end,
      reassign,
    },
  };
}

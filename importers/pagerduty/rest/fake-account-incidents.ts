/**
 * The fake account's incidents and their log entries: trigger, assign, notify, escalate,
 * acknowledge, annotate and resolve, in the shapes of the DevLake captures. Notify entries come in
 * both forms seen in the wild: with `user` and `channel.notification:{type, address, status}`,
 * and bare (`channel:{type:"auto"}`, no user, only the summary "Notified <name> by sms.").
 */
import type { FakeCatalogue, FakePerson, FakeTeamRoster } from "./fake-account-catalogue";
import { ESCALATION_DELAY_MINUTES } from "./fake-account-catalogue";
import {
  type FakeIncident,
  type FakeLogEntry,
  type FakeObject,
  type JsonObject,
  type JsonValue,
  reference,
  selfLinks,
  utc,
} from "./fake-account-objects";
import { hexKey, type SeededRandom } from "./fake-account-random";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const PAGING_TEST_SERVICE = "Paging Test";
const TITLES = [
  "High error rate on {service}",
  "p99 latency above SLO on {service}",
  "Disk almost full on {service}",
  "Health check failing for {service}",
  "Certificate for {service} expires in 7 days",
  "Queue backlog growing on {service}",
];
const CUSTOMER_TITLES = [
  "Customer reports checkout failing",
  "Customer cannot log in",
  "Refund stuck for a customer",
];
const NOTIFICATION_ADDRESSES = {
  push_notification: "iPhone",
  email: "{email}",
  sms: "+46 70 555 01 {n}",
  phone: "+46 70 555 01 {n}",
} as const;
type NotificationType = keyof typeof NOTIFICATION_ADDRESSES;

export interface GeneratedIncident {
  incident: FakeIncident;
  logEntries: FakeLogEntry[];
  customFields: JsonObject[];
}

export interface IncidentContext {
  random: SeededRandom;
  catalogue: FakeCatalogue;
  subdomain: string;
  /** Nothing happens at or after this instant: the account as PagerDuty would serve it then. */
  end: number;
  priorities: FakeObject[];
  impactStartedFieldId: string;
}

export function generateIncident(
  context: IncidentContext,
  number: number,
  created: number,
): GeneratedIncident {
  const { random, catalogue, subdomain, end } = context;
  const { roster, service } = pickService(random, catalogue.rosters);
  const serviceName = String(service.summary);
  const isPagingTest = serviceName === PAGING_TEST_SERVICE;
  const title = isPagingTest
    ? "Weekly paging test"
    : serviceName.includes("Customer") && random.chance(0.7)
      ? random.pick(CUSTOMER_TITLES)
      : random.pick(TITLES).replace("{service}", serviceName);
  const id = random.id("Q", 14);
  const incidentReference = reference("incident", id, `[#${number}] ${title}`, subdomain);
  const builder = logEntryBuilder(context, incidentReference, service, roster.team);
  const entries: FakeLogEntry[] = [];
  const byMonitoring = !isPagingTest && random.chance(0.7);
  const primary = catalogue.onCallAt(roster, 1, created);

  const trigger = builder.entry(
    "trigger_log_entry",
    byMonitoring ? "Triggered through the API." : "Triggered through the website.",
    created,
    {
      agent: byMonitoring ? service : userReference(primary, subdomain),
      channel: byMonitoring
        ? { type: "api", summary: title, details: { severity: "critical" } }
        : { type: "web_trigger", summary: title, subject: title, details: title },
      event_details: { description: title },
    },
  );
  entries.push(trigger);

  const autoResolves = !isPagingTest && byMonitoring && random.chance(0.12);
  const acknowledgeAfter = autoResolves
    ? null
    : random.chance(0.15)
      ? random.integer(16 * 60, 60 * 60) * SECOND
      : random.integer(20, 10 * 60) * SECOND;
  const escalates =
    acknowledgeAfter !== null && acknowledgeAfter > ESCALATION_DELAY_MINUTES * MINUTE;
  const acknowledgedAt = acknowledgeAfter === null ? null : created + acknowledgeAfter;
  const autoResolvedAt = autoResolves ? created + random.integer(60, 300) * SECOND : null;
  let responder: FakePerson = primary;

  // Notifications stop when someone acknowledges, the policy escalates, or monitoring resolves.
  const primaryPagedUntil = escalates
    ? created + ESCALATION_DELAY_MINUTES * MINUTE
    : (acknowledgedAt ?? autoResolvedAt);
  entries.push(...builder.page(primary, created, primaryPagedUntil));
  if (escalates) {
    const escalatedAt = created + ESCALATION_DELAY_MINUTES * MINUTE;
    responder = catalogue.onCallAt(roster, 2, created);
    entries.push(
      builder.entry("escalate_log_entry", `Escalated to ${responder.name}.`, escalatedAt, {
        agent: service,
        channel: { type: "timeout" },
      }),
      ...builder.page(responder, escalatedAt, acknowledgedAt),
    );
  }
  if (acknowledgedAt !== null) {
    entries.push(
      builder.entry("acknowledge_log_entry", `Acknowledged by ${responder.name}.`, acknowledgedAt, {
        agent: userReference(responder, subdomain),
        channel: { type: random.chance(0.6) ? "mobile" : "website" },
        event_details: {},
      }),
    );
    if (random.chance(0.1)) {
      entries.push(
        builder.entry(
          "annotate_log_entry",
          `Note added by ${responder.name}.`,
          acknowledgedAt + 2 * MINUTE,
          {
            agent: userReference(responder, subdomain),
            channel: { type: "note" },
          },
        ),
      );
    }
  }
  // A few incidents stay open for days (low-priority follow-ups), so an account has open ones at its end.
  const resolveAfterMinutes = isPagingTest
    ? random.integer(1, 5)
    : random.chance(0.04)
      ? random.integer(24 * 60, 5 * 24 * 60)
      : random.integer(5, 240);
  const resolvedAt = autoResolvedAt ?? (acknowledgedAt ?? created) + resolveAfterMinutes * MINUTE;
  entries.push(
    autoResolvedAt !== null
      ? builder.entry("resolve_log_entry", "Resolved through the API.", resolvedAt, {
          agent: service,
          channel: { type: "api" },
        })
      : resolveEntryBuilder(builder, responder, resolvedAt, subdomain),
  );

  const logEntries = entries.filter((entry) => Date.parse(entry.created_at) < end);
  const incident = incidentObject(context, {
    id,
    number,
    title,
    created,
    service,
    roster,
    assignee: escalates && created + ESCALATION_DELAY_MINUTES * MINUTE < end ? responder : primary,
    acknowledgedAt: acknowledgedAt !== null && acknowledgedAt < end ? acknowledgedAt : null,
    resolvedAt: resolvedAt < end ? resolvedAt : null,
    resolvedBy: autoResolves ? service : userReference(responder, subdomain),
    triggerEntry: trigger,
    lastChangeAt: Math.max(...logEntries.map((entry) => Date.parse(entry.created_at))),
  });
  const customFields: JsonObject[] = [
    {
      id: context.impactStartedFieldId,
      type: "field_value",
      name: "impact_started_at",
      display_name: "Impact started at",
      data_type: "datetime",
      field_type: "single_value",
      value: random.chance(0.4) ? utc(created - random.integer(1, 20) * MINUTE) : null,
    },
  ];
  return { incident, logEntries, customFields };
}

/** A resolve entry by a person, as `resolveFakeIncident` also writes it. */
export function resolveEntryBuilder(
  builder: LogEntryBuilder,
  person: FakePerson,
  at: number,
  subdomain: string,
): FakeLogEntry {
  return builder.entry("resolve_log_entry", `Resolved by ${person.name}.`, at, {
    agent: userReference(person, subdomain),
    channel: { type: "website" },
    event_details: {},
  });
}

export interface LogEntryBuilder {
  entry(type: string, summary: string, at: number, fields: JsonObject): FakeLogEntry;
  /** Assign to a person and notify them until `stopAt`: push and e-mail at once, SMS after 1 min, a call after 3. */
  page(person: FakePerson, at: number, stopAt: number | null): FakeLogEntry[];
}

export function logEntryBuilder(
  { random, subdomain }: Pick<IncidentContext, "random" | "subdomain">,
  incident: FakeObject,
  service: FakeObject,
  team: FakeObject | null,
): LogEntryBuilder {
  const builder: LogEntryBuilder = {
    entry(type, summary, at, fields) {
      const id = random.id("R", 26);
      return {
        id,
        type,
        summary,
        self: `https://api.pagerduty.com/log_entries/${id}`,
        html_url:
          type === "trigger_log_entry"
            ? `https://${subdomain}.pagerduty.com/incidents/${incident.id}/log_entries/${id}`
            : null,
        created_at: utc(at),
        ...fields,
        service,
        incident,
        teams: team ? [team] : [],
        contexts: [],
      };
    },
    page(person, at, stopAt) {
      const entries = [
        builder.entry("assign_log_entry", `Assigned to ${person.name}.`, at, {
          agent: service,
          channel: { type: "auto" },
          assignees: [userReference(person, subdomain)],
        }),
      ];
      const schedule: [NotificationType, number][] = [
        ["push_notification", 0],
        ["email", 0],
        ["sms", MINUTE],
        ["phone", 3 * MINUTE],
      ];
      for (const [type, delay] of schedule) {
        if (stopAt !== null && stopAt <= at + delay) continue;
        entries.push(notifyEntry(builder, random, person, type, at + delay, subdomain));
      }
      return entries;
    },
  };
  return builder;
}

function notifyEntry(
  builder: LogEntryBuilder,
  random: SeededRandom,
  person: FakePerson,
  type: NotificationType,
  at: number,
  subdomain: string,
): FakeLogEntry {
  const channelWord = {
    push_notification: "push notification",
    email: "email",
    sms: "sms",
    phone: "phone",
  }[type];
  const summary = `Notified ${person.name} by ${channelWord}.`;
  // Some captures carry neither the user nor the notification; only the summary names them.
  if (random.chance(0.3))
    return builder.entry("notify_log_entry", summary, at, { channel: { type: "auto" } });
  const address = NOTIFICATION_ADDRESSES[type]
    .replace("{email}", person.email)
    .replace("{n}", person.id.slice(-2));
  return builder.entry("notify_log_entry", summary, at, {
    channel: { type: "auto", notification: { type, address, status: "success" } },
    user: userReference(person, subdomain),
  });
}

function userReference(person: FakePerson, subdomain: string): FakeObject {
  return reference("user", person.id, person.name, subdomain);
}

function pickService(
  random: SeededRandom,
  rosters: FakeTeamRoster[],
): { roster: FakeTeamRoster; service: FakeObject } {
  const pairs = rosters.flatMap((roster) =>
    roster.services.map((service) => ({ roster, service })),
  );
  const pagingTest = pairs.find((pair) => pair.service.summary === PAGING_TEST_SERVICE);
  if (pagingTest && random.chance(0.05)) return pagingTest;
  return random.pick(pairs.filter((pair) => pair !== pagingTest));
}

interface IncidentState {
  id: string;
  number: number;
  title: string;
  created: number;
  service: FakeObject;
  roster: FakeTeamRoster;
  assignee: FakePerson;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  resolvedBy: FakeObject;
  triggerEntry: FakeLogEntry;
  lastChangeAt: number;
}

function incidentObject(context: IncidentContext, state: IncidentState): FakeIncident {
  const { random, subdomain } = context;
  const status =
    state.resolvedAt !== null
      ? "resolved"
      : state.acknowledgedAt !== null
        ? "acknowledged"
        : "triggered";
  const assignee = userReference(state.assignee, subdomain);
  const summary = `[#${state.number}] ${state.title}`;
  const priority: JsonValue = random.chance(0.3) ? random.pick(context.priorities) : null;
  const lastStatusChangeAt = state.resolvedAt ?? state.acknowledgedAt ?? state.created;
  return {
    incident_number: state.number,
    title: state.title,
    description: state.title,
    created_at: utc(state.created),
    updated_at: utc(state.lastChangeAt),
    status,
    incident_key: hexKey(random),
    service: state.service,
    assignments: status === "resolved" ? [] : [{ at: utc(state.created), assignee }],
    assigned_via: "escalation_policy",
    last_status_change_at: utc(lastStatusChangeAt),
    resolved_at: state.resolvedAt === null ? null : utc(state.resolvedAt),
    first_trigger_log_entry: {
      id: state.triggerEntry.id,
      type: "trigger_log_entry_reference",
      summary: state.triggerEntry.summary ?? null,
      self: state.triggerEntry.self ?? null,
      html_url: state.triggerEntry.html_url ?? null,
    },
    alert_counts: {
      all: 1,
      triggered: status === "resolved" ? 0 : 1,
      resolved: status === "resolved" ? 1 : 0,
    },
    is_mergeable: true,
    incident_type: { name: "incident_default" },
    escalation_policy: state.roster.escalationPolicy,
    teams: [state.roster.team],
    pending_actions: [],
    acknowledgements:
      status === "acknowledged" && state.acknowledgedAt !== null
        ? [{ at: utc(state.acknowledgedAt), acknowledger: assignee }]
        : [],
    basic_alert_grouping: null,
    alert_grouping: null,
    last_status_change_by:
      status === "resolved"
        ? state.resolvedBy
        : status === "acknowledged"
          ? assignee
          : state.service,
    priority,
    urgency: random.chance(0.8) ? "high" : "low",
    ...selfLinks("incident", state.id, summary, subdomain),
  };
}

/**
 * A deterministic fake PagerDuty account for the fake server: the same seed and options always
 * build the same account. It is plain data, so a test can read counts off it and edit it between
 * sync runs (or use `resolveFakeIncident`, which also writes the log entry PagerDuty would).
 */
import { generateCatalogue } from "./fake-account-catalogue";
import { generateIncident, logEntryBuilder, resolveEntryBuilder } from "./fake-account-incidents";
import {
  type FakeObject,
  type FakePagerDutyAccount,
  type JsonObject,
  type JsonValue,
  utc,
} from "./fake-account-objects";
import { createSeededRandom } from "./fake-account-random";

export type {
  FakeIncident,
  FakeLogEntry,
  FakeObject,
  FakeOncall,
  FakePagerDutyAccount,
  JsonObject,
  JsonValue,
} from "./fake-account-objects";

export interface FakeAccountOptions {
  seed: number;
  /** Exactly this many incidents, created between `start` and `end`. */
  incidents: number;
  /** People across three teams; 12 by default. */
  people?: number;
  start: Date;
  /** The account as PagerDuty would serve it at this instant: nothing happens at or after it. */
  end: Date;
  subdomain?: string;
}

export function generateFakeAccount(options: FakeAccountOptions): FakePagerDutyAccount {
  const { seed, people = 12, subdomain = "fairshift-fake" } = options;
  const start = options.start.getTime();
  const end = options.end.getTime();
  if (!(start < end)) throw new Error("generateFakeAccount: start must be before end");
  const random = createSeededRandom(seed);
  const catalogue = generateCatalogue(random, { subdomain, people, start, end });
  const priorities = ["P1", "P2"].map((name, index) => {
    const id = random.id("P", 7);
    return {
      id,
      type: "priority",
      summary: name,
      self: `https://api.pagerduty.com/priorities/${id}`,
      html_url: null,
      account_id: "PFAKE01",
      color: index === 0 ? "a8171c" : "eb6016",
      created_at: utc(start - 400 * 86_400_000),
      description: "",
      name,
      order: (index + 1) * 200_000_000,
      schema_version: 0,
      updated_at: utc(start - 400 * 86_400_000),
    };
  });
  const context = {
    random,
    catalogue,
    subdomain,
    end,
    priorities,
    impactStartedFieldId: random.id("P", 7),
  };

  const createdTimes = Array.from(
    { length: options.incidents },
    () => Math.floor((start + random.next() * (end - start)) / 1000) * 1000,
  ).sort((a, b) => a - b);
  const account: FakePagerDutyAccount = {
    subdomain,
    users: catalogue.users,
    teams: catalogue.teams,
    services: catalogue.services,
    escalation_policies: catalogue.escalation_policies,
    schedules: catalogue.schedules,
    incidents: [],
    log_entries: [],
    oncalls: catalogue.oncalls,
    custom_field_values: {},
    revision: 0,
  };
  for (const [index, created] of createdTimes.entries()) {
    const { incident, logEntries, customFields } = generateIncident(context, index + 1, created);
    account.incidents.push(incident);
    account.log_entries.push(...logEntries);
    account.custom_field_values[incident.id] = customFields;
  }
  return account;
}

/**
 * Resolves an open incident at `at` by its assignee, as PagerDuty would: the incident's status,
 * times and assignments change and a resolve_log_entry is written (created at `at`).
 */
export function resolveFakeIncident(account: FakePagerDutyAccount, id: string, at: Date): void {
  const incident = account.incidents.find((candidate) => candidate.id === id);
  if (!incident) throw new Error(`The fake account has no incident ${id}`);
  if (incident.status === "resolved") throw new Error(`Incident ${id} is already resolved`);
  const assignee = firstAssignee(incident) ?? { id: "PUNKNWN", summary: "Unknown" };
  const person = { id: assignee.id, name: String(assignee.summary), email: "" };
  const random = createSeededRandom(account.revision * 7919 + account.log_entries.length);
  const incidentReference = account.log_entries.find((entry) => entry.incident.id === id)?.incident;
  const builder = logEntryBuilder(
    { random, subdomain: account.subdomain },
    incidentReference ?? { id, type: "incident_reference", summary: String(incident.summary) },
    asFakeObject(incident.service) ?? { id: "PUNKNWN", type: "service_reference" },
    Array.isArray(incident.teams) ? asFakeObject(incident.teams[0]) : null,
  );
  const entry = resolveEntryBuilder(builder, person, at.getTime(), account.subdomain);
  account.log_entries.push(entry);
  const when = utc(at.getTime());
  Object.assign(incident, {
    status: "resolved",
    resolved_at: when,
    updated_at: when,
    last_status_change_at: when,
    last_status_change_by: entry.agent ?? null,
    assignments: [],
    acknowledgements: [],
    alert_counts: { all: 1, triggered: 0, resolved: 1 },
  });
  account.revision += 1;
}

function firstAssignee(incident: FakeObject): FakeObject | null {
  const first = Array.isArray(incident.assignments) ? incident.assignments[0] : undefined;
  return isJsonObject(first) ? asFakeObject(first.assignee) : null;
}

function asFakeObject(value: JsonValue | undefined): FakeObject | null {
  return isJsonObject(value) && typeof value.id === "string" ? { ...value, id: value.id } : null;
}

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

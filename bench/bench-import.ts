/**
 * File import at scale: a PagerDuty legacy Reports CSV of incidents and an NDJSON dump of
 * `GET /log_entries` pages, generated deterministically, imported by the real CLI
 * (`fairshift import`, a child process) into a fresh database, against a baseline of PostgreSQL
 * `COPY … FROM STDIN` of the same rows, already mapped to table columns, into another fresh
 * database with the same migrations (same indexes). Reports rows/s of both, their ratio, and the
 * importer's peak resident memory.
 *
 *   node --import tsx bench/bench-import.ts [--incidents N] [--log-entries N] [--write] [--profile] [--reimport] [--keep]
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { z } from "zod";
import { startEmbeddedPostgres } from "@/lib/server/database/embedded-postgres";
import { dataDirectory } from "@/lib/server/env";
import {
  createDatabase,
  databaseUrlFor,
  dropDatabase,
  withClient,
} from "@/lib/server/testing/test-server";
import { fairshiftBin } from "./bench-database";
import { formatBytes } from "./bench-report";
import { markdownTable, minutesText, replaceMarkedBlock } from "./benchmarks-doc";
import { killRunningProcesses, measureProcess } from "./measure-process";

/** Bump when the generated files change shape: cached files of another version are regenerated. */
const GENERATOR_VERSION = 2;
const SEED = 8;
const TEAMS = 250;
const SERVICES = 600;
const PEOPLE = 2_000;
const ENTRIES_PER_PAGE = 100;
/** One malformed CSV row (a date PagerDuty never writes) per this many incidents. */
const BAD_ROW_EVERY = 10_000;
const SPAN_END = Date.parse("2026-11-01T00:00:00Z");
const SPAN_MS = 548 * 86_400_000;
const UPDATED_AT = "2026-11-21 00:00:00+00";
const DOMAIN = "acme-bench.pagerduty.com";
const API = "https://api.pagerduty.com";

export const IMPORT_TARGET_RATIO = 0.3;
export const IMPORT_TARGET_RSS_BYTES = 300_000_000;
const COPY_DATABASE = "bench_import_copy";
const IMPORT_DATABASE = "bench_import";

export interface ImportBenchOptions {
  repositoryRoot: string;
  adminUrl: string;
  incidents: number;
  logEntries: number;
  log: (message: string) => void;
  /** Run the import child under --cpu-prof, profiles written here. */
  profileDirectory?: string;
  /** Import the same files a second time and check nothing changes (idempotency). */
  isReimportChecked?: boolean;
  /** Keep both databases afterwards (they are dropped by default: several GB at full size). */
  isKept?: boolean;
}

export interface ImportFileFigure {
  fileName: string;
  format: string;
  rows: number;
  inserted: number;
  rejected: number;
  seconds: number;
}

export interface ImportBenchResult {
  incidents: number;
  logEntries: number;
  badRows: number;
  fileBytes: number;
  generatedSeconds: number | null;
  copy: { incidentsSeconds: number; logEntriesSeconds: number };
  importer: {
    wallSeconds: number;
    peakRssBytes: number | null;
    files: ImportFileFigure[];
    /** Wall time not spent reading files: start-up, the derivation after the batch, exit. */
    otherSeconds: number;
    derivedLine: string | null;
  };
  /** Every count check; empty when all held. */
  problems: string[];
  reimport: { wallSeconds: number; changed: number; problems: string[] } | null;
  measuredAt: string;
}

// ---------------------------------------------------------------------------------------------
// The generated organisation and incidents

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A PagerDuty-looking id, unique by construction: random letters, then the index in base 36. */
function pagerDutyId(prefix: string, index: number, length: number, random: () => number): string {
  const tail = index.toString(36).toUpperCase().padStart(6, "0");
  let head = prefix;
  while (head.length < length - tail.length) head += ID_ALPHABET[Math.floor(random() * 36)];
  return head + tail;
}

const FIRST_NAMES = [
  "Keon",
  "Kian",
  "Laura",
  "Wiley",
  "Amara",
  "Bjorn",
  "Chiara",
  "Dmitri",
  "Elif",
  "Farah",
  "Goran",
  "Hana",
  "Ines",
  "Jonas",
  "Kaito",
  "Lena",
  "Mateo",
  "Nadia",
  "Oskar",
  "Priya",
  "Quinn",
  "Rafael",
  "Sanna",
  "Tomas",
  "Uma",
  "Viktor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zofia",
  "Aino",
  "Bruno",
  "Carmen",
  "Dara",
  "Emil",
  "Freya",
  "Gabriel",
  "Hugo",
  "Ida",
  "Jamal",
  "Karin",
  "Liam",
  "Maja",
  "Noah",
  "Olga",
  "Pavel",
  "Rosa",
  "Sven",
  "Tara",
  "Ville",
];
const LAST_NAMES = [
  "Amini",
  "Haley",
  "Jacobson",
  "Berg",
  "Costa",
  "Dahl",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Holm",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Lindqvist",
  "Moreau",
  "Nakamura",
  "Okafor",
  "Petrov",
  "Quist",
  "Rossi",
  "Sato",
  "Torres",
  "Ulrich",
  "Varga",
  "Weber",
  "Xu",
  "Yilmaz",
  "Zeller",
  "Andersson",
  "Brandt",
  "Cohen",
  "Duarte",
  "Engel",
  "Falk",
  "Grimaldi",
  "Hansen",
  "Iqbal",
  "Janssen",
  "Kaur",
  "Larsen",
  "Meyer",
  "Nilsson",
  "Olsen",
  "Park",
  "Ruiz",
  "Schmidt",
  "Tanaka",
  "Vogel",
  "Wu",
  "Zhou",
];
const TIME_ZONES = [
  "Europe/Stockholm",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Australia/Sydney",
  "America/Sao_Paulo",
];
const TEAM_WORDS = [
  "Payments",
  "Checkout",
  "Search",
  "Identity",
  "Storage",
  "Messaging",
  "Billing",
  "Platform",
  "Data",
  "Mobile",
  "Edge",
  "Ledger",
  "Catalog",
  "Growth",
  "Risk",
  "Observability",
];
const SERVICE_WORDS = [
  "API",
  "Worker",
  "Database",
  "Gateway",
  "Scheduler",
  "Web",
  "Queue",
  "Cache",
];
const PROBLEMS = [
  "High error rate on %s",
  "Latency p99 above 2s on %s",
  "Disk usage > 90% on %s, replica 2",
  "%s health check failing",
  'Synthetic check "login" failed for %s',
  "Memory pressure on %s pods",
  "%s: 5xx spike after deploy",
  "Certificate for %s expires in 7 days",
  "Queue depth growing on %s",
  "Customer report: %s is slow",
];
const NOTIFY_CHANNELS = ["sms", "phone", "push_notification", "email"] as const;
const SPOKEN_CHANNEL: Record<(typeof NOTIFY_CHANNELS)[number], string> = {
  sms: "SMS",
  phone: "phone",
  push_notification: "push notification",
  email: "email",
};

interface Team {
  index: number;
  id: string;
  name: string;
  members: number[];
}
interface Service {
  index: number;
  id: string;
  name: string;
  team: number;
  policyId: string;
  policyName: string;
  integrationId: string;
}
interface Person {
  index: number;
  id: string;
  name: string;
  email: string;
  timeZone: string;
  team: number;
}
interface Organisation {
  teams: Team[];
  services: Service[];
  people: Person[];
}

function createOrganisation(): Organisation {
  const random = createRandom(SEED);
  const teams: Team[] = Array.from({ length: TEAMS }, (_, index) => ({
    index,
    id: pagerDutyId("P", index, 7, random),
    name: `${TEAM_WORDS[index % TEAM_WORDS.length]} ${Math.floor(index / TEAM_WORDS.length) + 1}`,
    members: [],
  }));
  const people: Person[] = Array.from({ length: PEOPLE }, (_, index) => {
    // Unique names: "Notified <name> by sms." is resolved by name when a notify entry lacks its user.
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? "";
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? "";
    const name = `${first} ${last}`;
    const team = index % TEAMS;
    teams[team]?.members.push(index);
    return {
      index,
      id: pagerDutyId("P", 100_000 + index, 7, random),
      name,
      email: `${first}.${last}@example.com`.toLowerCase(),
      timeZone: TIME_ZONES[Math.floor(random() * TIME_ZONES.length)] ?? "Etc/UTC",
      team,
    };
  });
  const services: Service[] = Array.from({ length: SERVICES }, (_, index) => {
    const team = index % TEAMS;
    const teamName = teams[team]?.name ?? "";
    const name = `${teamName} ${SERVICE_WORDS[Math.floor(index / TEAMS) % SERVICE_WORDS.length]}`;
    return {
      index,
      id: pagerDutyId("P", 200_000 + index, 7, random),
      name,
      team,
      policyId: pagerDutyId("P", 300_000 + index, 7, random),
      policyName: `${name} escalation`,
      integrationId: pagerDutyId("P", 400_000 + index, 7, random),
    };
  });
  return { teams, services, people };
}

interface GeneratedEntry {
  id: string;
  type: string;
  at: number;
  agentType: string | null;
  agentId: string | null;
  channelType: string | null;
  notificationType: string | null;
  /** Database id the COPY baseline writes (people are written with ids 1…n). */
  personIndex: number | null;
  summary: string;
  json: string;
}

interface GeneratedIncident {
  index: number;
  id: string;
  number: number;
  title: string;
  service: Service;
  urgency: "high" | "low";
  priority: string;
  status: "triggered" | "acknowledged" | "resolved";
  createdAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  /** The CSV row's cells, keyed by header: what the importer keeps as `raw`. */
  cells: Record<string, string>;
  entries: GeneratedEntry[];
}

export const CSV_HEADERS = [
  "id",
  "incident_number",
  "description",
  "service_name",
  "service_id",
  "escalation_policy_name",
  "escalation_policy_id",
  "team_name",
  "team_id",
  "created_on",
  "resolved_on",
  "status",
  "urgency",
  "priority_name",
  "seconds_to_first_ack",
  "seconds_to_resolve",
  "acknowledged_by_user_names",
] as const;

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

function reference(type: string, id: string, summary: string, htmlPath: string) {
  return {
    id,
    type,
    summary,
    self: `${API}/${type === "incident_reference" ? "incidents" : type.replace("_reference", "s")}/${id}`,
    html_url: `https://${DOMAIN}/${htmlPath}/${id}`,
  };
}

/** Incident by incident, each with its log entries, in creation order. */
function* generateIncidents(
  organisation: Organisation,
  incidents: number,
  logEntries: number,
): Generator<GeneratedIncident> {
  const random = createRandom(SEED * 7919);
  const { services, teams, people } = organisation;
  for (let index = 0; index < incidents; index += 1) {
    // A few services are noisy: squaring skews the choice towards the first ones.
    const service = services[Math.floor(random() ** 2 * services.length)] ?? services[0];
    if (!service) throw new Error("no services");
    const team = teams[service.team];
    if (!team) throw new Error("no team");
    const createdAt = Math.round(
      SPAN_END - SPAN_MS + (index / incidents) * SPAN_MS + random() * 60_000,
    );
    const week = Math.floor(createdAt / (7 * 86_400_000));
    const responder = people[team.members[week % team.members.length] ?? 0];
    const backup = people[team.members[(week + 1) % team.members.length] ?? 0];
    if (!responder || !backup) throw new Error("no responder");
    const isOpen = index >= incidents - Math.max(1, Math.floor(incidents / 500));
    const ackSeconds = 20 + Math.round(-Math.log(1 - random()) * 240);
    const resolveSeconds = ackSeconds + 60 + Math.round(-Math.log(1 - random()) * 2_400);
    const status = isOpen ? (random() < 0.5 ? "triggered" : "acknowledged") : "resolved";
    const acknowledgedAt = status === "triggered" ? null : createdAt + ackSeconds * 1000;
    const resolvedAt = status === "resolved" ? createdAt + resolveSeconds * 1000 : null;
    const problem = PROBLEMS[Math.floor(random() * PROBLEMS.length)] ?? "%s";
    const title = problem.replace("%s", service.name);
    const id = pagerDutyId("Q", index, 14, random);
    const number = index + 1;
    const priority = random() < 0.3 ? `P${1 + Math.floor(random() * 5)}` : "";
    const urgency = random() < 0.8 ? "high" : "low";
    const cells: Record<string, string> = {
      id,
      incident_number: String(number),
      description: title,
      service_name: service.name,
      service_id: service.id,
      escalation_policy_name: service.policyName,
      escalation_policy_id: service.policyId,
      team_name: team.name,
      team_id: team.id,
      created_on: isoSeconds(createdAt),
      resolved_on: resolvedAt === null ? "" : isoSeconds(resolvedAt),
      status,
      urgency,
      priority_name: priority,
      seconds_to_first_ack: acknowledgedAt === null ? "" : String(ackSeconds),
      seconds_to_resolve: resolvedAt === null ? "" : String(resolveSeconds),
      acknowledged_by_user_names: acknowledgedAt === null ? "" : responder.name,
    };
    const entryCount =
      Math.floor(((index + 1) * logEntries) / incidents) -
      Math.floor((index * logEntries) / incidents);
    const entries = generateEntries(random, {
      firstEntry: Math.floor((index * logEntries) / incidents),
      count: entryCount,
      incident: reference("incident_reference", id, `[#${number}] ${title}`, "incidents"),
      service,
      responder,
      backup,
      createdAt,
      acknowledgedAt,
      resolvedAt,
    });
    yield {
      index,
      id,
      number,
      title,
      service,
      urgency,
      priority,
      status,
      createdAt,
      acknowledgedAt,
      resolvedAt,
      cells,
      entries,
    };
  }
}

interface EntryContext {
  /** The file's running number of the incident's first entry: ids are unique by it. */
  firstEntry: number;
  count: number;
  incident: ReturnType<typeof reference>;
  service: Service;
  responder: Person;
  backup: Person;
  createdAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
}

/**
 * An incident's log: trigger, notify, then notifies, assigns, escalations or notes, then the
 * acknowledgement and the resolve when the incident has them. One notify in ten lacks its `user`
 * and names the person only in its summary, as DevLake's capture does.
 */
function generateEntries(random: () => number, context: EntryContext): GeneratedEntry[] {
  const { count, incident, service, responder, backup, createdAt } = context;
  const entries: GeneratedEntry[] = [];
  const userAgent = (person: Person) =>
    reference("user_reference", person.id, person.name, "users");
  const serviceAgent = reference(
    "service_reference",
    service.id,
    service.name,
    "service-directory",
  );
  const closing: ("acknowledge" | "resolve")[] = [];
  if (context.acknowledgedAt !== null && count >= 3) closing.push("acknowledge");
  if (context.resolvedAt !== null && count >= 2 + closing.length) closing.push("resolve");
  for (let position = 0; position < count; position += 1) {
    const fromEnd = count - position;
    const kind =
      position === 0
        ? "trigger"
        : fromEnd <= closing.length
          ? (closing[closing.length - fromEnd] ?? "notify")
          : position === 1
            ? "notify"
            : (["notify", "notify", "assign", "escalate", "annotate"] as const)[
                Math.floor(random() * 5)
              ];
    const logIndex = context.firstEntry + position;
    const id = pagerDutyId("R", logIndex, 26, random);
    const span = (context.acknowledgedAt ?? createdAt + 600_000) - createdAt;
    let at = createdAt + Math.round((position / Math.max(1, count)) * span);
    let entry: Record<string, unknown> = {};
    let agentType: string | null = null;
    let agentId: string | null = null;
    let channelType: string | null = null;
    let notificationType: string | null = null;
    let personIndex: number | null = null;
    let summary = "";
    const base = (type: string, text: string) => ({
      id,
      type,
      summary: text,
      self: `${API}/log_entries/${id}`,
      html_url: null as string | null,
      created_at: isoSeconds(at),
    });
    switch (kind) {
      case "trigger": {
        const isApi = random() < 0.85;
        const agent = isApi
          ? {
              id: service.integrationId,
              type: "inbound_integration_reference",
              summary: "Events API V2",
              self: `${API}/services/${service.id}/integrations/${service.integrationId}`,
              html_url: `https://${DOMAIN}/services/${service.id}/integrations/${service.integrationId}`,
            }
          : userAgent(responder);
        summary = isApi ? "Triggered through the API." : "Triggered through the website.";
        agentType = agent.type;
        agentId = agent.id;
        channelType = isApi ? "api" : "web_trigger";
        entry = {
          ...base("trigger_log_entry", summary),
          html_url: `https://${DOMAIN}/incidents/${incident.id}/log_entries/${id}`,
          agent,
          channel: { type: channelType },
          service: serviceAgent,
          incident,
          teams: [],
          contexts: [],
          event_details: { description: incident.summary.replace(/^\[#\d+\] /, "") },
        };
        break;
      }
      case "notify": {
        const person = position === 1 || random() < 0.7 ? responder : backup;
        const channel = NOTIFY_CHANNELS[Math.floor(random() * NOTIFY_CHANNELS.length)] ?? "sms";
        summary = `Notified ${person.name} by ${SPOKEN_CHANNEL[channel]}.`;
        channelType = "auto";
        notificationType = channel;
        const hasUser = random() >= 0.1;
        personIndex = hasUser ? person.index : null;
        entry = {
          ...base("notify_log_entry", summary),
          channel: hasUser
            ? {
                type: "auto",
                notification: {
                  type: channel,
                  address: channel === "email" ? person.email : "+46 70 000 00 00",
                  status: "success",
                },
              }
            : { type: "auto" },
          ...(hasUser ? { user: userAgent(person) } : {}),
          service: serviceAgent,
          incident,
          teams: [],
          contexts: [],
          event_details: {},
        };
        break;
      }
      case "assign": {
        summary = `Assigned to ${backup.name}.`;
        agentType = "service_reference";
        agentId = service.id;
        channelType = "auto";
        personIndex = backup.index;
        entry = {
          ...base("assign_log_entry", summary),
          agent: serviceAgent,
          channel: { type: "auto" },
          assignees: [userAgent(backup)],
          service: serviceAgent,
          incident,
          teams: [],
          contexts: [],
          event_details: {},
        };
        break;
      }
      case "escalate": {
        summary = `Escalated to ${backup.name} by timeout.`;
        agentType = "service_reference";
        agentId = service.id;
        channelType = "timeout";
        entry = {
          ...base("escalate_log_entry", summary),
          agent: serviceAgent,
          channel: { type: "timeout" },
          assignees: [userAgent(backup)],
          escalation_policy: reference(
            "escalation_policy_reference",
            service.policyId,
            service.policyName,
            "escalation_policies",
          ),
          level: 2,
          service: serviceAgent,
          incident,
          teams: [],
          contexts: [],
          event_details: {},
        };
        break;
      }
      case "annotate": {
        summary = `Note added by ${responder.name}.`;
        agentType = "user_reference";
        agentId = responder.id;
        channelType = "note";
        entry = {
          ...base("annotate_log_entry", summary),
          agent: userAgent(responder),
          channel: { type: "note", summary: "Looking at the dashboards now" },
          service: serviceAgent,
          incident,
          teams: [],
          contexts: [],
          event_details: {},
        };
        break;
      }
      case "acknowledge": {
        at = context.acknowledgedAt ?? at;
        summary = `Acknowledged by ${responder.name}.`;
        agentType = "user_reference";
        agentId = responder.id;
        channelType = "website";
        personIndex = responder.index;
        entry = {
          ...base("acknowledge_log_entry", summary),
          created_at: isoSeconds(at),
          agent: userAgent(responder),
          channel: { type: "website" },
          acknowledgement_timeout: 1800,
          service: serviceAgent,
          incident,
          teams: [],
          contexts: [],
          event_details: {},
        };
        break;
      }
      case "resolve": {
        at = context.resolvedAt ?? at;
        summary = `Resolved by ${responder.name}.`;
        agentType = "user_reference";
        agentId = responder.id;
        channelType = "website";
        personIndex = responder.index;
        entry = {
          ...base("resolve_log_entry", summary),
          created_at: isoSeconds(at),
          agent: userAgent(responder),
          channel: { type: "website" },
          service: serviceAgent,
          incident,
          teams: [],
          contexts: [],
          event_details: {},
        };
        break;
      }
    }
    entries.push({
      id,
      type: `${kind}_log_entry`,
      at,
      agentType,
      agentId,
      channelType,
      notificationType,
      personIndex,
      summary,
      json: JSON.stringify(entry),
    });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Files: what the importer reads, and the same rows as COPY text for the baseline

interface GeneratedFiles {
  directory: string;
  users: string;
  incidentsCsv: string;
  logEntries: string;
  copyReferences: string;
  copyIncidents: string;
  copyLogEntries: string;
}

interface Manifest {
  version: number;
  seed: number;
  incidents: number;
  logEntries: number;
  badRows: number;
  bytes: number;
}

function filesIn(directory: string): GeneratedFiles {
  return {
    directory,
    users: path.join(directory, "users.json"),
    incidentsCsv: path.join(directory, "incidents.csv"),
    logEntries: path.join(directory, "log-entries.ndjson"),
    copyReferences: path.join(directory, "references.json"),
    copyIncidents: path.join(directory, "incidents.copy"),
    copyLogEntries: path.join(directory, "log-entries.copy"),
  };
}

/** RFC 4180: quoted only when it must be. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** COPY text format: \N for null, backslash escapes for the characters that delimit. */
function copyCell(value: string | number | boolean | null): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  return String(value)
    .replaceAll("\\", "\\\\")
    .replaceAll("\t", "\\t")
    .replaceAll("\n", "\\n")
    .replaceAll("\r", "\\r");
}

const copyLine = (cells: (string | number | boolean | null)[]) =>
  `${cells.map(copyCell).join("\t")}\n`;
const copyTime = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A write stream that waits when its buffer is full, so generation stays in flat memory. */
class Writer {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingLength = 0;
  bytes = 0;
  constructor(file: string) {
    this.stream = createWriteStream(file);
  }
  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    const text = this.pending.join("");
    this.pending = [];
    this.pendingLength = 0;
    this.bytes += Buffer.byteLength(text);
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}

/** The bad row: a day/month date PagerDuty never writes, which the importer rejects with its line. */
function badCsvRow(index: number): string {
  return [
    `QBADROW${String(index).padStart(7, "0")}`,
    "",
    "Imported by hand from a spreadsheet",
    "",
    "",
    "",
    "",
    "",
    "",
    "31/02/2024 10:00",
    "",
    "resolved",
    "high",
    "",
    "",
    "",
    "",
  ]
    .map(csvCell)
    .join(",");
}

async function generateFiles(
  files: GeneratedFiles,
  incidents: number,
  logEntries: number,
  log: (message: string) => void,
): Promise<Manifest> {
  await fs.mkdir(files.directory, { recursive: true });
  const organisation = createOrganisation();
  const { teams, services, people } = organisation;
  const users = {
    users: people.map((person) => ({
      id: person.id,
      type: "user",
      summary: person.name,
      self: `${API}/users/${person.id}`,
      html_url: `https://${DOMAIN}/users/${person.id}`,
      name: person.name,
      email: person.email,
      time_zone: person.timeZone,
      color: "purple",
      role: "user",
      description: null,
      invitation_sent: false,
      job_title: "Engineer",
      teams: [
        reference(
          "team_reference",
          teams[person.team]?.id ?? "",
          teams[person.team]?.name ?? "",
          "teams",
        ),
      ],
      contact_methods: [],
      notification_rules: [],
    })),
    limit: PEOPLE,
    offset: 0,
    more: false,
    total: null,
  };
  await fs.writeFile(files.users, `${JSON.stringify(users)}\n`);
  // Database ids the COPY baseline gives the referenced rows (1-based, in this order).
  await fs.writeFile(
    files.copyReferences,
    JSON.stringify({
      teams: teams.map((team) => ({ id: team.index + 1, pd: team.id, name: team.name })),
      policies: services.map((service) => ({
        id: service.index + 1,
        pd: service.policyId,
        name: service.policyName,
      })),
      services: services.map((service) => ({
        id: service.index + 1,
        pd: service.id,
        name: service.name,
        policy: service.index + 1,
      })),
      people: people.map((person) => ({
        id: person.index + 1,
        pd: person.id,
        name: person.name,
        email: person.email,
        zone: person.timeZone,
      })),
    }),
  );

  const csv = new Writer(files.incidentsCsv);
  const ndjson = new Writer(files.logEntries);
  const copyIncidents = new Writer(files.copyIncidents);
  const copyLogEntries = new Writer(files.copyLogEntries);
  await csv.write(`${CSV_HEADERS.join(",")}\n`);
  let page: string[] = [];
  let pageOffset = 0;
  let badRows = 0;
  let entryId = 0;
  const writePage = async (isLast: boolean) => {
    if (page.length === 0) return;
    await ndjson.write(
      `{"log_entries":[${page.join(",")}],"limit":${ENTRIES_PER_PAGE},"offset":${pageOffset},"more":${!isLast},"total":null}\n`,
    );
    pageOffset += page.length;
    page = [];
  };
  const startedAt = Date.now();
  for (const incident of generateIncidents(organisation, incidents, logEntries)) {
    if (incident.index > 0 && incident.index % BAD_ROW_EVERY === 0) {
      await csv.write(`${badCsvRow(incident.index)}\n`);
      badRows += 1;
    }
    await csv.write(
      `${CSV_HEADERS.map((header) => csvCell(incident.cells[header] ?? "")).join(",")}\n`,
    );
    await copyIncidents.write(
      copyLine([
        incident.index + 1,
        incident.id,
        incident.number,
        incident.title,
        incident.service.index + 1,
        incident.urgency,
        incident.priority === "" ? null : incident.priority,
        incident.status,
        copyTime(incident.createdAt),
        copyTime(incident.acknowledgedAt),
        copyTime(incident.resolvedAt),
        JSON.stringify(incident.cells),
        false,
        UPDATED_AT,
      ]),
    );
    for (const entry of incident.entries) {
      entryId += 1;
      page.push(entry.json);
      if (page.length === ENTRIES_PER_PAGE) await writePage(false);
      await copyLogEntries.write(
        copyLine([
          entryId,
          entry.id,
          incident.index + 1,
          entry.type,
          copyTime(entry.at),
          entry.agentType,
          entry.agentId,
          entry.channelType,
          entry.notificationType,
          entry.personIndex === null ? null : entry.personIndex + 1,
          entry.summary,
          entry.json,
          false,
        ]),
      );
    }
    if ((incident.index + 1) % 100_000 === 0) {
      log(
        `  generated ${(incident.index + 1).toLocaleString("en")} incidents (${Math.round((Date.now() - startedAt) / 1000)} s)`,
      );
    }
  }
  await writePage(true);
  await Promise.all([csv.close(), ndjson.close(), copyIncidents.close(), copyLogEntries.close()]);
  const manifest: Manifest = {
    version: GENERATOR_VERSION,
    seed: SEED,
    incidents,
    logEntries,
    badRows,
    bytes: csv.bytes + ndjson.bytes,
  };
  await fs.writeFile(path.join(files.directory, "manifest.json"), JSON.stringify(manifest));
  return manifest;
}

/** The files for these sizes, generated only when missing or made by another generator version. */
async function ensureFiles(
  directory: string,
  incidents: number,
  logEntries: number,
  log: (message: string) => void,
): Promise<{ files: GeneratedFiles; manifest: Manifest; generatedSeconds: number | null }> {
  const files = filesIn(path.join(directory, `${incidents}-${logEntries}`));
  const manifestPath = path.join(files.directory, "manifest.json");
  const known = await fs
    .readFile(manifestPath, "utf8")
    .then((text) => JSON.parse(text) as Manifest)
    .catch(() => null);
  if (
    known?.version === GENERATOR_VERSION &&
    known.seed === SEED &&
    known.incidents === incidents &&
    known.logEntries === logEntries
  ) {
    log(`reusing the generated files in ${path.relative(process.cwd(), files.directory)}`);
    return { files, manifest: known, generatedSeconds: null };
  }
  log(
    `generating ${incidents.toLocaleString("en")} incidents and ${logEntries.toLocaleString("en")} log entries`,
  );
  await fs.rm(files.directory, { recursive: true, force: true });
  const startedAt = performance.now();
  const manifest = await generateFiles(files, incidents, logEntries, log);
  return { files, manifest, generatedSeconds: (performance.now() - startedAt) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// Measuring

async function freshMigratedDatabase(options: ImportBenchOptions, name: string): Promise<string> {
  await dropDatabase(options.adminUrl, name);
  await createDatabase(options.adminUrl, name);
  const url = databaseUrlFor(options.adminUrl, name);
  const migrated = await measureProcess({
    command: process.execPath,
    args: [fairshiftBin(options.repositoryRoot), "db", "migrate"],
    env: { ...process.env, DATABASE_URL: url },
  });
  if (migrated.exitCode !== 0) throw new Error(`fairshift db migrate on ${name} failed`);
  return url;
}

async function copyFile(client: pg.Client, statement: string, file: string): Promise<number> {
  const startedAt = performance.now();
  const stream = client.query(copyFrom(statement));
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
  source.pipe(stream);
  await new Promise<void>((resolve, reject) => {
    source.on("error", reject);
    stream.on("error", reject);
    stream.on("finish", resolve);
  });
  return (performance.now() - startedAt) / 1000;
}

interface References {
  teams: { id: number; pd: string; name: string }[];
  policies: { id: number; pd: string; name: string }[];
  services: { id: number; pd: string; name: string; policy: number }[];
  people: { id: number; pd: string; name: string; email: string; zone: string }[];
}

/** The baseline: referenced rows first (not timed), then COPY of incidents and of log entries. */
async function measureCopy(options: ImportBenchOptions, files: GeneratedFiles) {
  const url = await freshMigratedDatabase(options, COPY_DATABASE);
  const references = JSON.parse(await fs.readFile(files.copyReferences, "utf8")) as References;
  return withClient(url, async (client) => {
    const json = (rows: unknown[]) => JSON.stringify(rows);
    await client.query(
      `INSERT INTO teams (id, pagerduty_id, name, updated_at)
       SELECT id, pd, name, now() FROM json_to_recordset($1::json) AS r(id int, pd text, name text)`,
      [json(references.teams)],
    );
    await client.query(
      `INSERT INTO escalation_policies (id, pagerduty_id, name, updated_at)
       SELECT id, pd, name, now() FROM json_to_recordset($1::json) AS r(id int, pd text, name text)`,
      [json(references.policies)],
    );
    await client.query(
      `INSERT INTO services (id, pagerduty_id, name, escalation_policy_id, updated_at)
       SELECT id, pd, name, policy, now() FROM json_to_recordset($1::json) AS r(id int, pd text, name text, policy int)`,
      [json(references.services)],
    );
    await client.query(
      `INSERT INTO people (id, pagerduty_id, name, email, time_zone, updated_at)
       SELECT id, pd, name, email, zone, now()
       FROM json_to_recordset($1::json) AS r(id int, pd text, name text, email text, zone text)`,
      [json(references.people)],
    );
    await client.query("CHECKPOINT");
    options.log("  COPY incidents");
    const incidentsSeconds = await copyFile(
      client,
      `COPY incidents (id, pagerduty_id, number, title, service_id, urgency, priority, status,
         created_at, acknowledged_at, resolved_at, raw, is_placeholder, updated_at) FROM STDIN`,
      files.copyIncidents,
    );
    options.log("  COPY log entries");
    const logEntriesSeconds = await copyFile(
      client,
      `COPY incident_log_entries (id, pagerduty_id, incident_id, type, at, agent_type,
         agent_pagerduty_id, channel_type, notification_type, person_id, summary, raw, is_from_webhook)
       FROM STDIN`,
      files.copyLogEntries,
    );
    const counts = await client.query<{ incidents: number; entries: number }>(
      `SELECT (SELECT count(*) FROM incidents)::int AS incidents,
              (SELECT count(*) FROM incident_log_entries)::int AS entries`,
    );
    return { incidentsSeconds, logEntriesSeconds, counts: counts.rows[0] };
  });
}

/** "✓ incidents.csv (pd-legacy-csv): 999 inserted, 0 updated, 0 unchanged, 1 rejected in 12.3 s [incident 999]". */
const FILE_LINE =
  /^[✓○] (\S+) \(([^)]+)\): (\d+) inserted, (\d+) updated, (\d+) unchanged, (\d+) rejected in ([\d.]+) s/;

function fileFiguresOf(stdout: string): ImportFileFigure[] {
  return stdout.split("\n").flatMap((line) => {
    const match = FILE_LINE.exec(line);
    if (!match) return [];
    const [, fileName = "", format = "", inserted, updated, unchanged, rejected, seconds] = match;
    return [
      {
        fileName,
        format,
        rows: Number(inserted) + Number(updated) + Number(unchanged),
        inserted: Number(inserted),
        rejected: Number(rejected),
        seconds: Number(seconds),
      },
    ];
  });
}

async function runImport(
  options: ImportBenchOptions,
  url: string,
  paths: string[],
  nodeFlags: string[] = [],
) {
  const measurement = await measureProcess({
    command: process.execPath,
    args: [...nodeFlags, fairshiftBin(options.repositoryRoot), "import", ...paths],
    env: { ...process.env, DATABASE_URL: url },
    onStderrLine: (line) => {
      if (!line.startsWith("Importing ")) options.log(`  import ${line}`);
    },
  });
  if (measurement.exitCode !== 0) {
    throw new Error(
      `fairshift import failed (exit ${measurement.exitCode}):\n${measurement.stdout}`,
    );
  }
  return measurement;
}

async function countImported(url: string) {
  return withClient(url, async (client) => {
    const result = await client.query<{
      incidents: number;
      placeholders: number;
      entries: number;
      rejected: number;
      pages: number;
    }>(
      `SELECT (SELECT count(*) FROM incidents WHERE NOT is_placeholder)::int AS incidents,
              (SELECT count(*) FROM incidents WHERE is_placeholder)::int AS placeholders,
              (SELECT count(*) FROM incident_log_entries)::int AS entries,
              (SELECT count(*) FROM rejected_rows)::int AS rejected,
              (SELECT count(*) FROM pages)::int AS pages`,
    );
    const row = result.rows[0];
    if (!row) throw new Error("no counts");
    return row;
  });
}

export async function benchImport(options: ImportBenchOptions): Promise<ImportBenchResult> {
  const { files, manifest, generatedSeconds } = await ensureFiles(
    path.join(dataDirectory(), "bench", "import"),
    options.incidents,
    options.logEntries,
    options.log,
  );
  const problems: string[] = [];

  options.log(`baseline: COPY into ${COPY_DATABASE}`);
  const copy = await measureCopy(options, files);
  if (
    copy.counts?.incidents !== manifest.incidents ||
    copy.counts.entries !== manifest.logEntries
  ) {
    problems.push(
      `COPY wrote ${JSON.stringify(copy.counts)}, expected ${manifest.incidents} / ${manifest.logEntries}`,
    );
  }
  if (!options.isKept) await dropDatabase(options.adminUrl, COPY_DATABASE);

  options.log(`importer: fairshift import into ${IMPORT_DATABASE}`);
  const url = await freshMigratedDatabase(options, IMPORT_DATABASE);
  // The people, like the baseline's referenced rows, are in before the clock starts.
  await runImport(options, url, [files.users]);
  const nodeFlags = options.profileDirectory
    ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDirectory}`]
    : [];
  const measurement = await runImport(
    options,
    url,
    [files.incidentsCsv, files.logEntries],
    nodeFlags,
  );
  const fileFigures = fileFiguresOf(measurement.stdout);
  const derivedLine =
    measurement.stdout.split("\n").find((line) => line.startsWith("Derived")) ?? null;
  const counts = await countImported(url);
  const csvFigure = fileFigures.find(
    (figure) => figure.fileName === path.basename(files.incidentsCsv),
  );
  if (counts.incidents !== manifest.incidents) {
    problems.push(`${counts.incidents} incidents stored, expected ${manifest.incidents}`);
  }
  if (counts.placeholders !== 0) problems.push(`${counts.placeholders} placeholder incidents left`);
  if (counts.entries !== manifest.logEntries) {
    problems.push(`${counts.entries} log entries stored, expected ${manifest.logEntries}`);
  }
  if (csvFigure?.rejected !== manifest.badRows || counts.rejected !== manifest.badRows) {
    problems.push(
      `${csvFigure?.rejected ?? "?"} rows reported rejected, ${counts.rejected} stored, expected ${manifest.badRows}`,
    );
  }
  let reimport: ImportBenchResult["reimport"] = null;
  if (options.isReimportChecked) {
    options.log("importing the same files again: nothing may change");
    const again = await runImport(options, url, [files.incidentsCsv, files.logEntries]);
    const againFigures = fileFiguresOf(again.stdout);
    const changed = againFigures.reduce((sum, figure) => sum + figure.inserted, 0);
    const reimportProblems: string[] = [];
    const updatedLines = again.stdout.split("\n").filter((line) => / [1-9]\d* updated/.test(line));
    if (changed > 0 || updatedLines.length > 0) {
      reimportProblems.push(`the second import wrote rows: ${again.stdout.trim()}`);
    }
    const countsAgain = await countImported(url);
    if (
      countsAgain.incidents !== counts.incidents ||
      countsAgain.entries !== counts.entries ||
      countsAgain.pages !== counts.pages
    ) {
      reimportProblems.push(
        `counts changed: ${JSON.stringify(counts)} → ${JSON.stringify(countsAgain)}`,
      );
    }
    reimport = { wallSeconds: again.wallMs / 1000, changed, problems: reimportProblems };
  }
  if (!options.isKept) await dropDatabase(options.adminUrl, IMPORT_DATABASE);

  const wallSeconds = measurement.wallMs / 1000;
  return {
    incidents: manifest.incidents,
    logEntries: manifest.logEntries,
    badRows: manifest.badRows,
    fileBytes: manifest.bytes,
    generatedSeconds,
    copy: { incidentsSeconds: copy.incidentsSeconds, logEntriesSeconds: copy.logEntriesSeconds },
    importer: {
      wallSeconds,
      peakRssBytes: measurement.peakRssBytes,
      files: fileFigures,
      otherSeconds: wallSeconds - fileFigures.reduce((sum, figure) => sum + figure.seconds, 0),
      derivedLine,
    },
    problems,
    reimport,
    measuredAt: new Date().toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// The block in docs/benchmarks.md

const perSecond = (rows: number, seconds: number) =>
  `${Math.round(rows / seconds).toLocaleString("en")} rows/s`;
const secondsText = (value: number) => (value >= 60 ? minutesText(value) : `${value.toFixed(1)} s`);
const verdict = (isMet: boolean, ratio: number) =>
  isMet ? "met" : `missed (×${ratio.toFixed(1)})`;

export function renderImportBlock(result: ImportBenchResult, machineNote: string): string {
  const rows = result.incidents + result.logEntries;
  const copySeconds = result.copy.incidentsSeconds + result.copy.logEntriesSeconds;
  const csv = result.importer.files.find((file) => file.format.endsWith("csv"));
  const json = result.importer.files.find((file) => file.format === "pd-rest-json");
  const ratio = (importerSeconds: number, baselineSeconds: number) =>
    baselineSeconds / importerSeconds;
  const line = (label: string, count: number, importerSeconds: number, baselineSeconds: number) => {
    const value = ratio(importerSeconds, baselineSeconds);
    return [
      label,
      perSecond(count, importerSeconds),
      perSecond(count, baselineSeconds),
      value.toFixed(2),
      `≥ ${IMPORT_TARGET_RATIO.toFixed(2)}`,
      verdict(value >= IMPORT_TARGET_RATIO, IMPORT_TARGET_RATIO / value),
    ];
  };
  const table = [
    line(
      `Both files, whole \`fairshift import\` (${secondsText(result.importer.wallSeconds)} vs COPY ${secondsText(copySeconds)})`,
      rows,
      result.importer.wallSeconds,
      copySeconds,
    ),
    ...(csv
      ? [
          line(
            `${result.incidents.toLocaleString("en")} incidents (CSV), reading and writing`,
            result.incidents,
            csv.seconds,
            result.copy.incidentsSeconds,
          ),
        ]
      : []),
    ...(json
      ? [
          line(
            `${result.logEntries.toLocaleString("en")} log entries (JSON pages), reading and writing`,
            result.logEntries,
            json.seconds,
            result.copy.logEntriesSeconds,
          ),
        ]
      : []),
  ];
  const rss = result.importer.peakRssBytes;
  const rssMet = rss !== null && rss < IMPORT_TARGET_RSS_BYTES;
  const checks = [...result.problems, ...(result.reimport?.problems ?? [])];
  return [
    "<!-- Written by `node --import tsx bench/bench-import.ts --write` (bench/bench-import.ts). -->",
    "",
    markdownTable(["Import", "Figure", "Baseline (COPY)", "Ratio", "Target", "Met"], table),
    "",
    markdownTable(
      ["Import child", "Figure", "Target", "Met"],
      [
        [
          "Peak RSS",
          formatBytes(rss),
          `< ${formatBytes(IMPORT_TARGET_RSS_BYTES)}`,
          rssMet ? "met" : "missed",
        ],
        [
          "Start-up and derivation after the files",
          secondsText(result.importer.otherSeconds),
          "",
          "",
        ],
      ],
    ),
    "",
    `Files: ${formatBytes(result.fileBytes)} (${result.badRows} malformed CSV rows, rejected with their lines). ` +
      `Counts after import: ${checks.length === 0 ? "as expected" : `PROBLEMS: ${checks.join("; ")}`}` +
      (result.reimport
        ? `; a second import of the same files changed nothing (${secondsText(result.reimport.wallSeconds)})`
        : "") +
      (result.importer.derivedLine ? `. ${result.importer.derivedLine}` : "") +
      ` (${result.measuredAt.slice(0, 10)}, ${machineNote}).`,
  ].join("\n");
}

export function replaceImportBlock(document: string, block: string): string {
  return replaceMarkedBlock(document, "import", block, {
    heading: "## File import",
    before: "## Webhook receiver",
  });
}

// ---------------------------------------------------------------------------------------------
// Alone: node --import tsx bench/bench-import.ts

const cliSchema = z.object({
  incidents: z.coerce.number().int().min(100).max(10_000_000).default(1_000_000),
  "log-entries": z.coerce.number().int().min(100).max(50_000_000).default(5_000_000),
  write: z.boolean().default(false),
  profile: z.boolean().default(false),
  reimport: z.boolean().default(false),
  keep: z.boolean().default(false),
});

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      incidents: { type: "string" },
      "log-entries": { type: "string" },
      write: { type: "boolean" },
      profile: { type: "boolean" },
      reimport: { type: "boolean" },
      keep: { type: "boolean" },
    },
  });
  const options = cliSchema.parse(values);
  const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
  const benchDirectory = path.join(dataDirectory(), "bench");
  const server = await startEmbeddedPostgres({
    dataDirectory: path.join(benchDirectory, "postgres"),
    databaseName: "postgres",
  });
  process.on("SIGINT", () => {
    killRunningProcesses();
    process.exit(130);
  });
  try {
    const result = await benchImport({
      repositoryRoot,
      adminUrl: server.url,
      incidents: options.incidents,
      logEntries: options["log-entries"],
      log,
      profileDirectory: options.profile ? path.join(benchDirectory, "profiles") : undefined,
      isReimportChecked: options.reimport,
      isKept: options.keep,
    });
    const machine = `${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
    const block = renderImportBlock(result, machine);
    if (options.write) {
      const documentPath = path.join(repositoryRoot, "docs", "benchmarks.md");
      const document = await fs.readFile(documentPath, "utf8");
      await fs.writeFile(documentPath, replaceImportBlock(document, block));
      log("wrote docs/benchmarks.md");
    }
    process.stdout.write(`${block}\n`);
    process.stderr.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.problems.length === 0 && (result.reimport?.problems.length ?? 0) === 0 ? 0 : 1;
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(
        `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exit(1);
    },
  );
}

/**
 * The fake PagerDuty account's data: plain JSON objects in PagerDuty's REST shapes (field sets
 * copied from the captures in shared/fixtures/pagerduty/rest-api), so a test can read and edit
 * them directly, and reference builders that write `self`/`html_url` the way PagerDuty does.
 */

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface FakeObject {
  id: string;
  [key: string]: JsonValue;
}

export interface FakeIncident extends FakeObject {
  created_at: string;
  status: string;
}

export interface FakeLogEntry extends FakeObject {
  type: string;
  created_at: string;
  incident: FakeObject;
}

export interface FakeOncall {
  /** null for a permanent on-call (a user targeted directly by an escalation rule). */
  start: string | null;
  end: string | null;
  [key: string]: JsonValue;
}

export interface FakePagerDutyAccount {
  subdomain: string;
  users: FakeObject[];
  teams: FakeObject[];
  services: FakeObject[];
  escalation_policies: FakeObject[];
  schedules: FakeObject[];
  /** Oldest first, as `GET /incidents?sort_by=created_at` lists them. */
  incidents: FakeIncident[];
  log_entries: FakeLogEntry[];
  oncalls: FakeOncall[];
  /** Per incident id, what `GET /incidents/{id}/custom_fields/values` lists. */
  custom_field_values: Record<string, JsonObject[]>;
  /** Bumped by every helper that edits the account; the server re-indexes when it changes. */
  revision: number;
}

export type ReferenceKind =
  | "user"
  | "team"
  | "service"
  | "escalation_policy"
  | "schedule"
  | "incident";

const API = "https://api.pagerduty.com";
const COLLECTION: Record<ReferenceKind, string> = {
  user: "users",
  team: "teams",
  service: "services",
  escalation_policy: "escalation_policies",
  schedule: "schedules",
  incident: "incidents",
};

/** `{id, type: "<kind>_reference", summary, self, html_url}`; REST service links use /service-directory/. */
export function reference(
  kind: ReferenceKind,
  id: string,
  summary: string,
  subdomain: string,
): FakeObject {
  return { ...selfLinks(kind, id, summary, subdomain), type: `${kind}_reference` };
}

/** The links of the object itself: like a reference's, but `type` is the bare kind. */
export function selfLinks(kind: ReferenceKind, id: string, summary: string, subdomain: string) {
  const webPath = kind === "service" ? "service-directory" : COLLECTION[kind];
  return {
    id,
    type: kind as string,
    summary,
    self: `${API}/${COLLECTION[kind]}/${id}`,
    html_url: `https://${subdomain}.pagerduty.com/${webPath}/${id}`,
  };
}

/** `2026-03-01T10:00:00Z`: PagerDuty writes incidents and log entries in UTC without milliseconds. */
export function utc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Services and escalation policies carry the account's local offset (`+03:00`) in the captures;
 * the fake uses a fixed one, which is enough to exercise offset parsing.
 */
export function withAccountOffset(ms: number, offsetMinutes = 60): string {
  const shifted = utc(ms + offsetMinutes * 60_000).replace(/Z$/, "");
  const sign = offsetMinutes < 0 ? "-" : "+";
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, "0");
  return `${shifted}${sign}${hours}:${minutes}`;
}

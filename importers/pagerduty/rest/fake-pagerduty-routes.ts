/**
 * The fake server's endpoints: what PagerDuty's REST API answers to the GETs the sync sends, over
 * a fake account. Pure (request in, response out); fake-pagerduty-server.ts adds HTTP, auth and
 * faults.
 *
 * Modelled on PagerDuty's documented behaviour and the errors seen in the wild: classic offset
 * paging (`limit` default 25, max 100; `more`; `total` null unless `total=true`); offset + limit
 * over 10,000 → 400 `{"error":{"message":"Arguments Caused Error","code":2002,"errors":["Offset+limit
 * exceeds maximum allowed value of 10000. …"]}}` (the body reported in cloudquery#12750,
 * apache/devlake#5107 and faros-ai/airbyte-connectors#991); `/incidents` ranges over 6 months and
 * `/oncalls` ranges over 3 months (taken as 90 days) → 400 code 2001 "Invalid Input Provided"
 * (PagerDuty's exact wording for these two is not known to us).
 *
 * Not modelled: filters other than those listed per route (user_ids[], team_ids[], service_ids[],
 * urgencies[], query, …), rendering in `time_zone` (always UTC), `include[]` other than channels,
 * `date_range`, the `earliest` on-call flag, cursor paging, and anything but GET.
 */
import type {
  FakeIncident,
  FakeLogEntry,
  FakeOncall,
  FakePagerDutyAccount,
  JsonObject,
  JsonValue,
} from "./fake-account-objects";

export interface FakeResponse {
  status: number;
  body: JsonValue;
}

export interface RouteOptions {
  /** PagerDuty's offset + limit ceiling; lowered in tests to reach it with little data. */
  maxOffset: number;
  /** Leave `total` null even when asked for it, to exercise a client's fallback. */
  ignoreTotalParameter: boolean;
  now: number;
}

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;
const INCIDENT_STATUSES = ["triggered", "acknowledged", "resolved"];
const OVERVIEW_EXCLUDED = new Set(["notify_log_entry", "assign_log_entry"]);
const ONCALL_MAX_RANGE_MS = 90 * 86_400_000;

/** A list read by position, so a page of a large window is cut without copying the window. */
interface ListView<T> {
  length: number;
  at(index: number): T;
}

export function pagerDutyError(
  status: number,
  message: string,
  code: number,
  errors?: string[],
): FakeResponse {
  return { status, body: { error: errors ? { message, code, errors } : { message, code } } };
}

export function routeRequest(
  account: FakePagerDutyAccount,
  url: URL,
  options: RouteOptions,
  index: AccountIndex,
): FakeResponse {
  const path = url.pathname.replace(/\/+$/, "");
  const query = url.searchParams;
  const simple = /^\/(users|teams|services|escalation_policies|schedules)$/.exec(path)?.[1];
  if (
    simple === "users" ||
    simple === "teams" ||
    simple === "services" ||
    simple === "escalation_policies" ||
    simple === "schedules"
  ) {
    const items = account[simple];
    return page(simple, { length: items.length, at: (i) => items[i] as JsonValue }, query, options);
  }
  if (path === "/incidents") return listIncidents(query, options, index);
  if (path === "/log_entries") return listLogEntries(query, options, index);
  if (path === "/oncalls") return listOncalls(account, query, options);
  const incidentPath = /^\/incidents\/([^/]+)(\/custom_fields\/values)?$/.exec(path);
  if (incidentPath) {
    const id = decodeURIComponent(incidentPath[1] ?? "");
    const incident = index.incidentById(id);
    if (!incident) return pagerDutyError(404, "Not Found", 2100);
    if (incidentPath[2])
      return { status: 200, body: { custom_fields: account.custom_field_values[id] ?? [] } };
    return { status: 200, body: { incident } };
  }
  return pagerDutyError(404, "Not Found", 2100);
}

function listIncidents(
  query: URLSearchParams,
  options: RouteOptions,
  index: AccountIndex,
): FakeResponse {
  const range = parseRange(query, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  if ("status" in range) return range;
  if (Number.isFinite(range.since) && Number.isFinite(range.until)) {
    const sixMonthsLater = new Date(range.since);
    sixMonthsLater.setUTCMonth(sixMonthsLater.getUTCMonth() + 6);
    if (range.until > sixMonthsLater.getTime()) {
      return pagerDutyError(400, "Invalid Input Provided", 2001, [
        "The date range must not exceed 6 months.",
      ]);
    }
  }
  const statuses = query.getAll("statuses[]");
  const window = index.incidentsCreatedIn(range.since, range.until);
  const wanted =
    statuses.length === 0 || INCIDENT_STATUSES.every((status) => statuses.includes(status));
  let view: ListView<FakeIncident> = window;
  if (!wanted) {
    const filtered: FakeIncident[] = [];
    for (let i = 0; i < window.length; i += 1) {
      const incident = window.at(i);
      if (statuses.includes(incident.status)) filtered.push(incident);
    }
    view = { length: filtered.length, at: (i) => filtered[i] as FakeIncident };
  }
  if ((query.get("sort_by") ?? "").endsWith(":desc")) view = reversed(view);
  return page("incidents", view, query, options);
}

function listLogEntries(
  query: URLSearchParams,
  options: RouteOptions,
  index: AccountIndex,
): FakeResponse {
  const range = parseRange(query, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  if ("status" in range) return range;
  // PagerDuty lists log entries newest first.
  let view: ListView<FakeLogEntry> = reversed(index.logEntriesCreatedIn(range.since, range.until));
  if (query.get("is_overview") === "true") {
    const overview: FakeLogEntry[] = [];
    for (let i = 0; i < view.length; i += 1)
      if (!OVERVIEW_EXCLUDED.has(view.at(i).type)) overview.push(view.at(i));
    view = { length: overview.length, at: (i) => overview[i] as FakeLogEntry };
  }
  const withChannels = query.getAll("include[]").includes("channels");
  const shaped: ListView<JsonValue> = withChannels
    ? view
    : { length: view.length, at: (i) => withoutChannelDetails(view.at(i)) };
  return page("log_entries", shaped, query, options);
}

/** Without `include[]=channels` a channel is reduced to its type (the notification is left out). */
function withoutChannelDetails(entry: FakeLogEntry): JsonObject {
  const channel = entry.channel;
  if (typeof channel !== "object" || channel === null || Array.isArray(channel)) return entry;
  return { ...entry, channel: { type: channel.type ?? null } };
}

function listOncalls(
  account: FakePagerDutyAccount,
  query: URLSearchParams,
  options: RouteOptions,
): FakeResponse {
  // PagerDuty's since and until default to now: the current on-calls.
  const range = parseRange(query, options.now, options.now);
  if ("status" in range) return range;
  if (range.until - range.since > ONCALL_MAX_RANGE_MS) {
    return pagerDutyError(400, "Invalid Input Provided", 2001, [
      "The search range cannot exceed 3 months.",
    ]);
  }
  const overlapping = account.oncalls.filter((shift: FakeOncall) => {
    const start = shift.start === null ? Number.NEGATIVE_INFINITY : Date.parse(shift.start);
    const end = shift.end === null ? Number.POSITIVE_INFINITY : Date.parse(shift.end);
    return start < range.until && end > range.since;
  });
  return page(
    "oncalls",
    { length: overlapping.length, at: (i) => overlapping[i] as FakeOncall },
    query,
    options,
  );
}

function page<T extends JsonValue>(
  key: string,
  items: ListView<T>,
  query: URLSearchParams,
  options: RouteOptions,
): FakeResponse {
  const offset = integerParameter(query, "offset", 0);
  const requestedLimit = integerParameter(query, "limit", DEFAULT_LIMIT);
  if (offset === null || requestedLimit === null) {
    return pagerDutyError(400, "Invalid Input Provided", 2001, [
      "Offset and limit must be non-negative integers.",
    ]);
  }
  const limit = Math.min(MAX_LIMIT, Math.max(1, requestedLimit));
  if (offset + limit > options.maxOffset) {
    return pagerDutyError(400, "Arguments Caused Error", 2002, [
      `Offset+limit exceeds maximum allowed value of ${options.maxOffset}. Please try to refine your search to reduce the returned set of records below this number, like adding a date range.`,
    ]);
  }
  const pageItems: JsonValue[] = [];
  for (let i = offset; i < Math.min(items.length, offset + limit); i += 1)
    pageItems.push(items.at(i));
  const wantsTotal = query.get("total") === "true" && !options.ignoreTotalParameter;
  return {
    status: 200,
    body: {
      [key]: pageItems,
      limit,
      offset,
      more: offset + limit < items.length,
      total: wantsTotal ? items.length : null,
    },
  };
}

function parseRange(
  query: URLSearchParams,
  defaultSince: number,
  defaultUntil: number,
): { since: number; until: number } | FakeResponse {
  const since = query.has("since") ? Date.parse(query.get("since") ?? "") : defaultSince;
  const until = query.has("until") ? Date.parse(query.get("until") ?? "") : defaultUntil;
  if (Number.isNaN(since) || Number.isNaN(until)) {
    return pagerDutyError(400, "Invalid Input Provided", 2001, [
      "since and until must be ISO 8601 dates.",
    ]);
  }
  if (until < since)
    return pagerDutyError(400, "Invalid Input Provided", 2001, ["until must not be before since."]);
  return { since, until };
}

function integerParameter(query: URLSearchParams, name: string, fallback: number): number | null {
  const text = query.get(name);
  if (text === null) return fallback;
  return /^\d+$/.test(text) ? Number(text) : null;
}

function reversed<T>(view: ListView<T>): ListView<T> {
  return { length: view.length, at: (i) => view.at(view.length - 1 - i) };
}

/**
 * The account's incidents and log entries sorted by creation, rebuilt only when the account
 * changes (its `revision` or the lists' lengths), so a window is two binary searches.
 */
export interface AccountIndex {
  incidentsCreatedIn(since: number, until: number): ListView<FakeIncident>;
  logEntriesCreatedIn(since: number, until: number): ListView<FakeLogEntry>;
  incidentById(id: string): FakeIncident | undefined;
}

export function createAccountIndex(account: FakePagerDutyAccount): AccountIndex {
  let key = "";
  let incidents: { at: number; item: FakeIncident }[] = [];
  let logEntries: { at: number; item: FakeLogEntry }[] = [];
  let byId = new Map<string, FakeIncident>();
  function fresh() {
    const current = `${account.revision}:${account.incidents.length}:${account.log_entries.length}`;
    if (current === key) return;
    key = current;
    const byCreation = <T extends { created_at: string }>(items: T[]) =>
      items.map((item) => ({ at: Date.parse(item.created_at), item })).sort((a, b) => a.at - b.at);
    incidents = byCreation(account.incidents);
    logEntries = byCreation(account.log_entries);
    byId = new Map(account.incidents.map((incident) => [incident.id, incident]));
  }
  function slice<T>(sorted: { at: number; item: T }[], since: number, until: number): ListView<T> {
    const low = lowerBound(sorted, since);
    const high = lowerBound(sorted, until);
    return { length: high - low, at: (i) => (sorted[low + i] as { item: T }).item };
  }
  return {
    incidentsCreatedIn(since, until) {
      fresh();
      return slice(incidents, since, until);
    },
    logEntriesCreatedIn(since, until) {
      fresh();
      return slice(logEntries, since, until);
    },
    incidentById(id) {
      fresh();
      return byId.get(id);
    },
  };
}

/** The first position whose time is ≥ `at`. */
function lowerBound(sorted: { at: number }[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.at ?? 0) < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

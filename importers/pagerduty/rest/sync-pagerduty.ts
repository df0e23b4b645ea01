/**
 * Syncs a PagerDuty account into a sink, resumably. The small catalogue (users, teams, services,
 * escalation policies, schedules) is listed whole every run; incidents, log entries and on-call
 * shifts are listed by time window from each resource's checkpoint. A checkpoint moves only after
 * the sink has committed what it covers, so a sync killed at any moment resumes without loss; the
 * price is that a resumed or incremental run hands the sink some objects again (it upserts).
 *
 * Incidents change after they are created (acknowledged, resolved) but PagerDuty cannot list them
 * by update time. Their log entries can be listed by time, though, so an incident created before
 * this run's incident window that has new log entries is fetched again, one by one.
 */
import {
  fetchCustomFieldValues,
  fetchIncident,
  isRecord,
  logEntryIncidentId,
  objectIdOf,
  PER_INCIDENT_CONCURRENCY,
} from "./incident-requests";
import { mapWithConcurrency } from "./map-with-concurrency";
import type { PagerDutyQuery } from "./pagerduty-client";
import {
  type ListOptions,
  listPages,
  listWindow,
  PAGERDUTY_PAGING,
  type WindowedListing,
  type WindowedPage,
} from "./paginate";
import { readAhead } from "./read-ahead";
import {
  parseWindowCursor,
  planResume,
  type ResumePlan,
  serializeCompletedCursor,
  serializeWindowCursor,
  type WindowCursor,
} from "./sync-cursor";
import {
  SYNC_RESOURCES,
  type SyncOptions,
  type SyncResource,
  type SyncSummary,
} from "./sync-types";
import { DAY_MS, floorToSecond, MAX_WINDOW_MS, splitIntoWindows } from "./time-windows";

export type {
  CheckpointStore,
  SyncOptions,
  SyncProgress,
  SyncResource,
  SyncSink,
  SyncSummary,
} from "./sync-types";

const CATALOGUE: readonly { resource: SyncResource; path: string; query: PagerDutyQuery }[] = [
  { resource: "users", path: "/users", query: {} },
  { resource: "teams", path: "/teams", query: {} },
  { resource: "services", path: "/services", query: {} },
  { resource: "escalation_policies", path: "/escalation_policies", query: {} },
  { resource: "schedules", path: "/schedules", query: {} },
];

/** Listed again at the start of each incremental run: PagerDuty may list a new object a moment late. */
const RECENT_OVERLAP_MS = 10 * 60_000;
/** Shifts are edited after the fact (overrides, swaps); a month and a bit covers the longest common rotation. */
const ONCALL_OVERLAP_MS = 35 * DAY_MS;

/**
 * Pages listed ahead of the one being written. Enough to cover a slow commit at 960 requests a
 * minute (ten pages is 0.6 s of budget), few enough to hold in memory (100 objects a page).
 */
const PAGES_AHEAD = 10;

/** What a listed page becomes: its objects, and incidents fetched again to commit before them. */
interface PreparedPage {
  items: unknown[];
  incidentsFirst?: unknown[];
}

const byId = (item: unknown) => objectIdOf(item) ?? JSON.stringify(item);

const INCIDENTS: WindowedListing = {
  path: "/incidents",
  itemsKey: "incidents",
  query: {
    "statuses[]": ["triggered", "acknowledged", "resolved"],
    sort_by: "created_at:asc",
    time_zone: "UTC",
  },
  identify: byId,
};

const LOG_ENTRIES: WindowedListing = {
  path: "/log_entries",
  itemsKey: "log_entries",
  // Channels carry the notification (sms, phone, push, email) that makes a notify entry a page.
  query: { "include[]": ["channels"], is_overview: false, time_zone: "UTC" },
  identify: byId,
};

const ONCALLS: WindowedListing = {
  path: "/oncalls",
  itemsKey: "oncalls",
  query: { time_zone: "UTC" },
  identify: oncallKey,
};

export async function syncPagerDuty(options: SyncOptions): Promise<SyncSummary> {
  const { client, checkpoints, sink, includeCustomFields, onProgress, signal } = options;
  const pagesPerWrite = options.pagesPerWrite ?? 1;
  const paging = options.paging ?? PAGERDUTY_PAGING;
  const now = options.clock?.() ?? Date.now();
  const since = floorToSecond(options.since.getTime());
  const until = floorToSecond(Math.min(options.until.getTime(), now));
  if (!(since < until)) {
    throw new Error(
      `Nothing to sync: since (${options.since.toISOString()}) must be before until (${new Date(until).toISOString()}, never later than now).`,
    );
  }
  const requestsAtStart = client.requestCount;
  const warnings: string[] = [];
  const listOptions: ListOptions = {
    paging,
    signal,
    onWarning: (warning) => warnings.push(warning),
  };
  const objects = Object.fromEntries(SYNC_RESOURCES.map((resource) => [resource, 0])) as Record<
    SyncResource,
    number
  >;
  let refetchedIncidents = 0;

  async function write(resource: SyncResource, items: unknown[], report = true) {
    if (items.length > 0) await sink.writeObjects(resource, items);
    objects[resource] += items.length;
    if (report) {
      const requests = client.requestCount - requestsAtStart;
      onProgress?.({ resource, fetched: objects[resource], requests });
    }
  }

  async function withCustomFields(
    incidents: unknown[],
    signal: AbortSignal | undefined,
  ): Promise<unknown[]> {
    if (!includeCustomFields) return incidents;
    return mapWithConcurrency(incidents, PER_INCIDENT_CONCURRENCY, async (incident) => {
      const id = objectIdOf(incident);
      if (id === null || !isRecord(incident)) return incident;
      return { ...incident, custom_fields: await fetchCustomFieldValues(client, id, signal) };
    });
  }

  /**
   * Lists a windowed resource from its plan, committing in page order. Listing runs ahead of
   * preparing (per-incident requests), which runs ahead of writing, so the rate budget is spent
   * while the database commits; pages listed during a slow commit are committed together.
   */
  async function syncWindowed(
    resource: SyncResource,
    listing: WindowedListing,
    plan: ResumePlan,
    maxWindowMs: number,
    prepare: (items: unknown[], signal: AbortSignal) => Promise<PreparedPage>,
  ) {
    // Stops the requests running ahead when the writes fail, as well as on the caller's signal.
    const stopAhead = new AbortController();
    const aheadSignal = signal ? AbortSignal.any([signal, stopAhead.signal]) : stopAhead.signal;
    const aheadOptions: ListOptions = { ...listOptions, signal: aheadSignal };
    const stop = () => stopAhead.abort(new Error("The sync stopped."));
    const listed = (async function* (): AsyncGenerator<WindowedPage> {
      if (plan.partial) {
        yield* listWindow(client, listing, plan.partial.window, plan.partial.offset, aheadOptions);
      }
      for (const window of splitIntoWindows({ since: plan.start, until }, maxWindowMs)) {
        yield* listWindow(client, listing, window, 0, aheadOptions);
      }
    })();
    const prepared = (async function* () {
      for await (const [page] of readAhead(listed, { depth: PAGES_AHEAD, onStop: stop })) {
        if (page) yield { page, writes: await prepare(page.items, aheadSignal) };
      }
    })();
    for await (const batch of readAhead(prepared, {
      depth: PAGES_AHEAD,
      maxBatch: pagesPerWrite,
      onStop: stop,
    })) {
      signal?.throwIfAborted();
      const last = batch.at(-1);
      if (!last) continue;
      const incidentsFirst = batch.flatMap(({ writes }) => writes.incidentsFirst ?? []);
      if (incidentsFirst.length > 0) await write("incidents", incidentsFirst, false);
      await write(
        resource,
        batch.flatMap(({ writes }) => writes.items),
      );
      const { page } = last;
      const cursor: WindowCursor = page.windowDone
        ? { since: plan.historySince, committedUntil: page.window.until, partial: null }
        : {
            since: plan.historySince,
            committedUntil: page.window.since,
            partial: { window: page.window, offset: page.nextOffset },
          };
      await checkpoints.save(resource, serializeWindowCursor(cursor));
    }
  }

  for (const { resource, path, query } of CATALOGUE) {
    for await (const items of listPages(client, path, resource, query, listOptions)) {
      await write(resource, items);
    }
    await checkpoints.save(resource, serializeCompletedCursor(new Date(now)));
  }

  const logPlan = planResume(
    parseWindowCursor(await checkpoints.load("log_entries")),
    since,
    RECENT_OVERLAP_MS,
  );
  const incidentPlan = incidentsFrom(
    planResume(parseWindowCursor(await checkpoints.load("incidents")), since, RECENT_OVERLAP_MS),
    logPlan,
  );
  const listedIncidents = new Set<string>();
  await syncWindowed(
    "incidents",
    INCIDENTS,
    incidentPlan,
    MAX_WINDOW_MS.incidents,
    async (items, aheadSignal) => {
      for (const item of items) {
        const id = objectIdOf(item);
        if (id !== null) listedIncidents.add(id);
      }
      return { items: await withCustomFields(items, aheadSignal) };
    },
  );

  await syncWindowed(
    "log_entries",
    LOG_ENTRIES,
    logPlan,
    MAX_WINDOW_MS.log_entries,
    async (entries, aheadSignal) => {
      // Incidents this run has not listed changed since they were last fetched: fetch them again,
      // and commit them before the entries, so the checkpoint never passes an unfetched change.
      const stale = [...new Set(entries.map(logEntryIncidentId))].filter(
        (id): id is string => id !== null && !listedIncidents.has(id),
      );
      const fetched = await mapWithConcurrency(stale, PER_INCIDENT_CONCURRENCY, async (id) => {
        listedIncidents.add(id);
        const incident = await fetchIncident(client, id, aheadSignal);
        if (incident === null) {
          warnings.push(`Incident ${id} has log entries but PagerDuty no longer has it (404).`);
        }
        return incident;
      });
      const incidents = fetched.filter((incident) => incident !== null);
      refetchedIncidents += incidents.length;
      return { items: entries, incidentsFirst: await withCustomFields(incidents, aheadSignal) };
    },
  );

  const seenShifts = new Set<string>();
  const oncallPlan = planResume(
    parseWindowCursor(await checkpoints.load("oncalls")),
    since,
    ONCALL_OVERLAP_MS,
  );
  await syncWindowed("oncalls", ONCALLS, oncallPlan, MAX_WINDOW_MS.oncalls, async (shifts) => ({
    // A shift overlapping two windows is listed in both; hand it over once.
    items: shifts.filter((shift) => {
      const key = oncallKey(shift);
      if (seenShifts.has(key)) return false;
      seenShifts.add(key);
      return true;
    }),
  }));

  return {
    objects,
    refetchedIncidents,
    requests: client.requestCount - requestsAtStart,
    since: new Date(since),
    until: new Date(until),
    warnings,
  };
}

/**
 * Incidents are listed from wherever the log entries resume, when that is earlier than their own
 * checkpoint (a run stopped between the two): listing costs one request per 100 incidents, where
 * fetching the ones with new log entries again would cost one request each.
 */
function incidentsFrom(incidentPlan: ResumePlan, logPlan: ResumePlan): ResumePlan {
  const logPosition = logPlan.partial?.window.since ?? logPlan.start;
  const incidentPosition = incidentPlan.partial?.window.since ?? incidentPlan.start;
  if (incidentPosition <= logPosition) return incidentPlan;
  return { start: logPosition, partial: null, historySince: incidentPlan.historySince };
}

/** On-calls have no id: a shift is its person, schedule, policy, level and times. */
function oncallKey(shift: unknown): string {
  if (!isRecord(shift)) return JSON.stringify(shift);
  return [
    objectIdOf(shift.user),
    objectIdOf(shift.schedule),
    objectIdOf(shift.escalation_policy),
    shift.escalation_level,
    shift.start,
    shift.end,
  ].join("|");
}

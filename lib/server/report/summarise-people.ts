import { groupOffHoursAlerts } from "@/lib/metrics/alert-kinds";
import type { HolidayOverride } from "@/lib/metrics/holidays";
import { analysePersonActivity } from "@/lib/metrics/person-activity";
import { type PersonLoad, summarisePersonLoad } from "@/lib/metrics/person-load";
import type { QueryReader } from "@/lib/server/database/prisma-client";
import { activitySettingsOf, type MetricSettings } from "@/lib/shared/metric-settings";
import type { ReportPersonRow } from "@/lib/shared/report";
import { listHolidayOverrides } from "../queries/list-holiday-overrides";
import { listIncidentTitles } from "../queries/list-incident-titles";
import {
  listPersonSlices,
  type PersonSlice,
  type PersonSliceWindow,
} from "../queries/list-person-slices";
import type { ReportPerson } from "../queries/list-report-people";
import { personCalendarCache } from "./person-calendar";

const PEOPLE_PER_BATCH = 100;
const MILLISECONDS_PER_DAY = 86_400_000;
// Rotation needs whole ISO weeks; a week before the window covers any partial first week.
const WEEK = 7 * MILLISECONDS_PER_DAY;

/**
 * A person's off-hours interruptions in the range of one alert kind: by the service and title
 * pattern of the incident of each interruption's first page (noise, alert budget).
 */
export interface PersonOffHoursAlert {
  serviceId: number | null;
  kind: string;
  interruptions: number;
}

export interface PersonSummary {
  person: ReportPerson;
  row: ReportPersonRow;
  load: PersonLoad;
  offHoursAlerts: PersonOffHoursAlert[];
}

export interface PeopleSummary {
  people: PersonSummary[];
}

/** Hours as the report prints them: to 0.01 h. */
export const roundHours = (hours: number) => Math.round(hours * 100) / 100;
const minutesToHours = (minutes: number) => roundHours(minutes / 60);

export function reportPersonRow(
  person: ReportPerson,
  timeZone: string,
  teamNames: string[],
  load: PersonLoad,
): ReportPersonRow {
  const { onCall, timeInLieu } = load;
  return {
    email: person.email,
    name: person.name,
    timeZone,
    pagerdutyId: person.pagerdutyId,
    teams: teamNames,
    interruptions: load.interruptions,
    wakeups: load.wakeUps,
    offHoursCallouts: load.offHoursCallOuts,
    onCall: {
      hours: roundHours(onCall.hours),
      businessHours: roundHours(onCall.businessHours),
      offHours: roundHours(onCall.offHours),
      sleepHours: roundHours(onCall.sleepHours),
      weekendHours: roundHours(onCall.weekendHours),
      holidayHours: roundHours(onCall.holidayHours),
      level1Hours: roundHours(onCall.level1Hours),
      level2PlusHours: roundHours(onCall.level2PlusHours),
      weeks: onCall.weeks,
      meanIntervalWeeks:
        onCall.meanIntervalWeeks === null ? null : roundHours(onCall.meanIntervalWeeks),
      longestStreakWeeks: onCall.longestStreakWeeks,
    },
    toil: {
      openingHours: minutesToHours(timeInLieu.openingMinutes),
      accruedHours: minutesToHours(timeInLieu.accruedMinutes),
      adjustedHours: minutesToHours(timeInLieu.adjustedMinutes),
      claimedHours: minutesToHours(timeInLieu.claimedMinutes),
      expiredHours: minutesToHours(timeInLieu.expiredMinutes),
      pendingClaimHours: minutesToHours(timeInLieu.pendingClaimMinutes),
      owedHours: minutesToHours(timeInLieu.owedMinutes),
    },
    restBreaches: load.restBreaches,
    burnoutRisk: load.burnoutRisk,
  };
}

/** The burnout window: `windowDays` ending at the range's end. */
function burnoutWindowOf(range: { start: Date; end: Date }, settings: MetricSettings) {
  return {
    start: new Date(range.end.getTime() - settings.burnout.windowDays * MILLISECONDS_PER_DAY),
    end: range.end,
  };
}

/** The earlier of the range's start and the burnout window's, in milliseconds. */
const earliestRead = (range: { start: Date; end: Date }, settings: MetricSettings) =>
  Math.min(range.start.getTime(), burnoutWindowOf(range, settings).start.getTime());

/**
 * Where a report starts reading a person's pages: one call-out chain window before the earlier of
 * the range and the burnout window. A burst of pages groups into interruptions from its first
 * page, so every screen that re-derives activity must start here to chain call-outs as the
 * report does.
 */
export function reportPagesFrom(range: { start: Date; end: Date }, settings: MetricSettings): Date {
  return new Date(
    earliestRead(range, settings) - activitySettingsOf(settings).callOutChainWindowMs,
  );
}

/**
 * What a report reads of each person for a range: pages from one call-out chain window before
 * the earlier of the range and the burnout window, shifts from a week before that (rotation
 * needs whole ISO weeks), both up to the range's end.
 */
export function personSliceWindow(
  range: { start: Date; end: Date },
  settings: MetricSettings,
): Required<PersonSliceWindow> {
  return {
    pagesFrom: reportPagesFrom(range, settings),
    shiftsFrom: new Date(earliestRead(range, settings) - WEEK),
    end: range.end,
    interruptingChannels: activitySettingsOf(settings).interruptingChannels,
  };
}

/**
 * Every person's row for a range, a batch of people at a time: their pages from one call-out
 * window before the earlier of the range and the burnout window, their shifts and their ledger
 * are read, summarised by the pure metric functions and dropped, so memory follows the busiest
 * batches, not the organisation. The next batch is read while this one is summarised, so the
 * database and Node work at the same time.
 */
export async function summarisePeople(
  db: QueryReader,
  people: readonly ReportPerson[],
  range: { start: Date; end: Date },
  settings: MetricSettings,
  teamNameById: ReadonlyMap<number, string>,
  /** The holiday overrides by region, when the caller has read them already. */
  holidayOverrides?: ReadonlyMap<string, readonly HolidayOverride[]>,
): Promise<PeopleSummary> {
  const activitySettings = activitySettingsOf(settings);
  const burnoutWindow = burnoutWindowOf(range, settings);
  const window = personSliceWindow(range, settings);
  const batches: ReportPerson[][] = [];
  for (let offset = 0; offset < people.length; offset += PEOPLE_PER_BATCH) {
    batches.push(people.slice(offset, offset + PEOPLE_PER_BATCH));
  }
  const readSlices = (batch: readonly ReportPerson[] | undefined) =>
    batch
      ? listPersonSlices(
          db,
          batch.map((person) => person.id),
          window,
        )
      : undefined;

  const summaries: PersonSummary[] = [];
  const kindOfTitle = new Map<string, string>();
  const rangeStart = range.start.getTime();
  const rangeEnd = range.end.getTime();
  let nextSlices = readSlices(batches[0]);
  // Read while the first batch is: the overrides are only needed to summarise it.
  const calendarOf = personCalendarCache(
    settings,
    holidayOverrides ?? (await listHolidayOverrides(db)),
  );
  for (let index = 0; index < batches.length; index++) {
    const batch = batches[index] as ReportPerson[];
    const slices = await (nextSlices as Promise<Map<number, PersonSlice>>);
    nextSlices = readSlices(batches[index + 1]);
    // A failed read of the next batch is reported when it is awaited, not as an unhandled rejection.
    nextSlices?.catch(() => {});
    const offHoursByPerson: Map<number, number>[] = [];
    for (const person of batch) {
      const slice = slices.get(person.id) ?? { pages: [], shifts: [], ledger: [] };
      const calendar = calendarOf(person);
      const activity = analysePersonActivity(slice.pages, calendar, activitySettings);
      const load = summarisePersonLoad({
        activity,
        shifts: slice.shifts,
        ledger: slice.ledger,
        calendar,
        period: range,
        burnoutWindow,
        onCallWeekMinimumHours: settings.onCall.weekMinimumHours,
        burnoutThresholds: settings.burnout,
      });
      const teamNames = person.teamIds.flatMap((id) => teamNameById.get(id) ?? []);
      summaries.push({
        person,
        row: reportPersonRow(person, calendar.timeZone, teamNames, load),
        load,
        offHoursAlerts: [],
      });

      const byIncident = new Map<number, number>();
      for (const interruption of activity.interruptions) {
        const start = interruption.start.getTime();
        const incidentId = interruption.incidentIds[0];
        if (start < rangeStart || start >= rangeEnd) continue;
        if (interruption.band === "business" || incidentId === undefined) continue;
        byIncident.set(incidentId, (byIncident.get(incidentId) ?? 0) + 1);
      }
      offHoursByPerson.push(byIncident);
    }
    const batchSummaries = summaries.slice(summaries.length - batch.length);
    await addOffHoursAlerts(db, batchSummaries, offHoursByPerson, kindOfTitle);
  }
  return { people: summaries };
}

/** Each person's off-hours interruptions by incident, grouped by the alert kind of the incident. */
async function addOffHoursAlerts(
  db: QueryReader,
  summaries: readonly PersonSummary[],
  offHoursByPerson: readonly ReadonlyMap<number, number>[],
  kindOfTitle: Map<string, string>,
): Promise<void> {
  const incidentIds = new Set(offHoursByPerson.flatMap((byIncident) => [...byIncident.keys()]));
  if (incidentIds.size === 0) return;
  const titles = new Map(
    (await listIncidentTitles(db, [...incidentIds])).map((incident) => [incident.id, incident]),
  );
  summaries.forEach((summary, index) => {
    const alerts = [...(offHoursByPerson[index] ?? [])].flatMap(([incidentId, interruptions]) => {
      const incident = titles.get(incidentId);
      return incident
        ? [
            {
              serviceId: incident.serviceId,
              serviceName: null,
              title: incident.title,
              interruptions,
            },
          ]
        : [];
    });
    summary.offHoursAlerts = groupOffHoursAlerts(alerts, kindOfTitle).map(
      ({ serviceId, kind, interruptions }) => ({ serviceId, kind, interruptions }),
    );
  });
}

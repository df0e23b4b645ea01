import { toEpochMilliseconds } from "@/lib/metrics/calendar-dates";
import { interruptingPages, type PageChannel } from "@/lib/metrics/interruptions";
import { hoursInPeriod, type OnCallDay, onCallDays } from "@/lib/metrics/on-call-days";
import { analysePersonActivity } from "@/lib/metrics/person-activity";
import type { RestBreachRule } from "@/lib/metrics/rest-breaches";
import type { HourBand } from "@/lib/metrics/time-bands";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { activitySettingsOf } from "@/lib/shared/metric-settings";
import type { ReportPersonRow } from "@/lib/shared/report";
import { type ReportFilters, reportRange } from "@/lib/shared/report-filters";
import { Prisma } from "@/prisma/generated/client/client";
import { personCalendarCache } from "../report/person-calendar";
import { reportPagesFrom, summarisePeople } from "../report/summarise-people";
import { getMetricSettings } from "./get-metric-settings";
import { listHolidayOverrides } from "./list-holiday-overrides";
import { listPersonSlices } from "./list-person-slices";
import type { ReportPerson } from "./list-report-people";

export interface PersonActivityShift {
  id: number;
  /** Schedule name, else the escalation policy's; null when the shift names neither. */
  schedule: string | null;
  level: number;
  start: string;
  end: string;
  /** Hours of this shift inside the range, before overlaps are merged. */
  hoursInRange: number;
}

export interface PersonActivityIncident {
  id: number;
  number: number | null;
  title: string;
}

export interface PersonActivityInterruption {
  start: string;
  lastPageAt: string;
  band: HourBand;
  isWeekend: boolean;
  isHoliday: boolean;
  pages: number;
  /** Channels of its pages, each once, in the order they were first used. */
  channels: PageChannel[];
  incidents: PersonActivityIncident[];
  /** Index into `callOuts`. */
  callOut: number;
}

export interface PersonActivityCallOut {
  start: string;
  lastPageAt: string;
  /** Later of last page and last resolve, capped: the end rest and time in lieu use. */
  endAt: string;
  band: HourBand;
  isOffHours: boolean;
  isWakeUp: boolean;
  isWeekend: boolean;
  isHoliday: boolean;
  /** False when it began before the range (its later interruptions fall in it): not counted. */
  startsInRange: boolean;
  interruptions: number;
  restBreach: {
    restHours: number | null;
    nextBusinessStartAt: string | null;
    reasons: { rule: RestBreachRule; message: string }[];
  } | null;
}

export interface PersonActivity {
  person: {
    id: number;
    pagerdutyId: string | null;
    name: string;
    email: string | null;
    /** The zone their bands and calendar are read in. */
    timeZone: string;
    /** True when PagerDuty has no zone for them and the account zone applies. */
    isAccountTimeZone: boolean;
    /** Public holidays of this region count as weekend days; null: none known. */
    holidayRegion: string | null;
    teams: string[];
  };
  range: { from: string; to: string; timeZone: string };
  /** Their row of `fairshift report` for the same range. */
  summary: ReportPersonRow;
  /** Shifts overlapping the range, oldest first, as stored (overlaps not merged). */
  shifts: PersonActivityShift[];
  /** Every local date (their zone) of the range with its on-call hours, overlaps counted once. */
  days: OnCallDay[];
  /** Interruptions starting in the range, oldest first. */
  interruptions: PersonActivityInterruption[];
  /** The call-outs those interruptions belong to, oldest first. */
  callOuts: PersonActivityCallOut[];
}

type PersonRow = Omit<ReportPerson, "teamIds">;

/**
 * Everything the person screen shows for one person (found by id, PagerDuty id or e-mail, as the
 * time-in-lieu ledger finds them) over a range; null when there is no such person. The summary is
 * the report's own row (`summarisePeople`), and the timeline comes from the same
 * `analysePersonActivity` call over the same pages, so the screen cannot disagree with the report.
 */
export async function getPersonActivity(
  db: PrismaClient,
  personKey: string,
  filters: Pick<ReportFilters, "range" | "timeZone">,
): Promise<PersonActivity | null> {
  // PostgreSQL refuses a NUL in a text parameter; no person has one in their keys.
  if (personKey.includes("\u0000")) return null;
  const id = /^\d{1,9}$/.test(personKey) ? Number(personKey) : -1;
  const [person] = await db.$queryRaw<PersonRow[]>(Prisma.sql`
    SELECT id, pagerduty_id AS "pagerdutyId", name, email, time_zone AS "timeZone",
      holiday_region AS "holidayRegion"
    FROM people
    WHERE id = ${id} OR pagerduty_id = ${personKey} OR email = lower(${personKey})
    ORDER BY id LIMIT 1`);
  if (!person) return null;

  const { range } = filters;
  const [settings, overrides, teams, shifts] = await Promise.all([
    getMetricSettings(db),
    listHolidayOverrides(db),
    db.$queryRaw<{ id: number; name: string }[]>(Prisma.sql`
      SELECT t.id, t.name FROM teams t JOIN team_memberships m ON m.team_id = t.id
      WHERE m.person_id = ${person.id} ORDER BY t.id`),
    db.$queryRaw<
      (Omit<PersonActivityShift, "start" | "end" | "hoursInRange"> & {
        start: Date;
        end: Date;
      })[]
    >(Prisma.sql`
      SELECT s.id, COALESCE(sc.name, ep.name) AS schedule, s.level, s.start_at AS start,
        s.end_at AS "end"
      FROM on_call_shifts s
        LEFT JOIN schedules sc ON sc.id = s.schedule_id
        LEFT JOIN escalation_policies ep ON ep.id = s.escalation_policy_id
      WHERE s.person_id = ${person.id} AND s.start_at < ${range.end} AND s.end_at > ${range.start}
      ORDER BY s.start_at, s.level, s.id`),
  ]);
  // Team ids in id order, as listReportPeople gives them, so the row's team list reads the same.
  const reportPerson: ReportPerson = { ...person, teamIds: teams.map((team) => team.id) };
  const calendar = personCalendarCache(settings, overrides)(person);

  // The same pages the report reads for this person, so call-outs are chained exactly as there.
  const activitySettings = activitySettingsOf(settings);
  const pagesFrom = reportPagesFrom(range, settings);
  const [summary, slices] = await Promise.all([
    summarisePeople(
      db,
      [reportPerson],
      range,
      settings,
      new Map(teams.map((team) => [team.id, team.name])),
    ),
    // Only interrupting pages: the timeline shows interruptions and their channels, nothing else.
    listPersonSlices(db, [person.id], {
      pagesFrom,
      shiftsFrom: range.start,
      end: range.end,
      interruptingChannels: activitySettings.interruptingChannels,
    }),
  ]);
  const row = summary.people[0]?.row;
  if (!row) throw new Error(`The report has no row for person ${person.id}`);
  const pages = slices.get(person.id)?.pages ?? [];
  const activity = analysePersonActivity(pages, calendar, activitySettings);

  // An interruption is the next `pages` interrupting pages in time order (see buildInterruptions).
  const sortedPages = interruptingPages(pages, activitySettings.interruptingChannels).sort(
    (a, b) => toEpochMilliseconds(a.at) - toEpochMilliseconds(b.at),
  );
  let consumed = 0;
  const channelsOf = activity.interruptions.map((interruption) => {
    const own = sortedPages.slice(consumed, consumed + interruption.pages);
    consumed += interruption.pages;
    return [...new Set(own.map((page) => page.channel))];
  });

  const inRange = (at: Date) =>
    at.getTime() >= range.start.getTime() && at.getTime() < range.end.getTime();
  const callOutOf = new Map(
    activity.callOuts.flatMap((callOut, index) =>
      callOut.interruptions.map((interruption) => [interruption, index] as const),
    ),
  );
  const shown = activity.interruptions
    .map((interruption, index) => ({ interruption, channels: channelsOf[index] ?? [] }))
    .filter(({ interruption }) => inRange(interruption.start));
  const shownCallOuts = [...new Set(shown.map(({ interruption }) => callOutOf.get(interruption)))]
    .flatMap((index) => (index === undefined ? [] : [index]))
    .sort((a, b) => a - b);
  const positionOf = new Map(shownCallOuts.map((index, position) => [index, position]));

  const incidentIds = [...new Set(shown.flatMap(({ interruption }) => interruption.incidentIds))];
  const incidents = await db.$queryRaw<PersonActivityIncident[]>(Prisma.sql`
    SELECT id, number, title FROM incidents WHERE id = ANY(${incidentIds}::int[])`);
  const incidentById = new Map(incidents.map((incident) => [incident.id, incident]));

  return {
    person: {
      id: person.id,
      pagerdutyId: person.pagerdutyId,
      name: person.name,
      email: person.email,
      timeZone: calendar.timeZone,
      isAccountTimeZone: person.timeZone === null,
      holidayRegion: calendar.region ?? null,
      teams: row.teams,
    },
    range: reportRange(filters),
    summary: row,
    shifts: shifts.map((shift) => ({
      ...shift,
      start: shift.start.toISOString(),
      end: shift.end.toISOString(),
      hoursInRange: hoursInPeriod(shift.start, shift.end, range),
    })),
    days: onCallDays(shifts, range, calendar.timeZone),
    interruptions: shown.map(({ interruption, channels }) => ({
      start: interruption.start.toISOString(),
      lastPageAt: interruption.lastPageAt.toISOString(),
      band: interruption.band,
      isWeekend: interruption.isWeekend,
      isHoliday: interruption.isHoliday,
      pages: interruption.pages,
      channels,
      incidents: interruption.incidentIds.flatMap((incidentId) => {
        const incident = incidentById.get(incidentId);
        return incident ? [incident] : [];
      }),
      callOut: positionOf.get(callOutOf.get(interruption) ?? -1) ?? -1,
    })),
    callOuts: shownCallOuts.flatMap((index) => {
      const callOut = activity.callOuts[index];
      if (!callOut) return [];
      const breach = callOut.restBreach;
      return [
        {
          start: callOut.start.toISOString(),
          lastPageAt: callOut.lastPageAt.toISOString(),
          endAt: callOut.endAt.toISOString(),
          band: callOut.band,
          isOffHours: callOut.isOffHours,
          isWakeUp: callOut.isWakeUp,
          isWeekend: callOut.isWeekend,
          isHoliday: callOut.isHoliday,
          startsInRange: inRange(callOut.start),
          interruptions: callOut.interruptions.filter((item) => inRange(item.start)).length,
          restBreach: breach
            ? {
                restHours: breach.restHours,
                nextBusinessStartAt: breach.nextBusinessStartAt?.toISOString() ?? null,
                reasons: breach.reasons.map(({ rule, message }) => ({ rule, message })),
              }
            : null,
        },
      ];
    }),
  };
}

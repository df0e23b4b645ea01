import {
  addInterruptions,
  emptyInterruptionHeatmap,
  type InterruptionHeatmap,
} from "@/lib/metrics/interruption-heatmap";
import { analysePersonActivity } from "@/lib/metrics/person-activity";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { activitySettingsOf, type MetricSettings } from "@/lib/shared/metric-settings";
import { type ReportFilters, reportRange } from "@/lib/shared/report-filters";
import { personCalendarCache } from "../report/person-calendar";
import { reportPagesFrom } from "../report/summarise-people";
import { listHolidayOverrides } from "./list-holiday-overrides";
import { listPersonSlices } from "./list-person-slices";
import { listReportPeople } from "./list-report-people";

const PEOPLE_PER_BATCH = 100;

export interface InterruptionHeatmapResponse extends InterruptionHeatmap {
  range: { from: string; to: string; timeZone: string };
  team: string | null;
  /** The people counted: the report's (a page or a shift in the range; with a team, its members). */
  people: number;
  /** The zones the cells were read in, with how many of those people live in each, most first. */
  timeZones: { timeZone: string; people: number }[];
}

/**
 * The interruptions of the report's people (`GET /api/report` with the same filters) by weekday
 * and hour in each person's own zone: the same people, pages and `analysePersonActivity`, counted
 * when they start in the range, so the cells add up to the report's interruptions. One batch of
 * people's pages is in memory at a time, as in the report.
 */
export async function getInterruptionHeatmap(
  db: PrismaClient,
  filters: Pick<ReportFilters, "range" | "timeZone" | "team">,
  settings: MetricSettings,
): Promise<InterruptionHeatmapResponse> {
  const { range } = filters;
  const [people, overrides] = await Promise.all([
    listReportPeople(db, { range, team: filters.team }),
    listHolidayOverrides(db),
  ]);
  const activitySettings = activitySettingsOf(settings);
  const calendarOf = personCalendarCache(settings, overrides);
  const window = {
    pagesFrom: reportPagesFrom(range, settings),
    // No shifts are needed: an empty window asks for as few as the query allows.
    shiftsFrom: range.end,
    end: range.end,
  };

  let heatmap = emptyInterruptionHeatmap(settings.hourBands);
  const peopleByZone = new Map<string, number>();
  for (let offset = 0; offset < people.length; offset += PEOPLE_PER_BATCH) {
    const batch = people.slice(offset, offset + PEOPLE_PER_BATCH);
    const slices = await listPersonSlices(
      db,
      batch.map((person) => person.id),
      window,
    );
    for (const person of batch) {
      const calendar = calendarOf(person);
      const pages = slices.get(person.id)?.pages ?? [];
      const { interruptions } = analysePersonActivity(pages, calendar, activitySettings);
      heatmap = addInterruptions(heatmap, interruptions, range);
      peopleByZone.set(calendar.timeZone, (peopleByZone.get(calendar.timeZone) ?? 0) + 1);
    }
  }

  const timeZones = [...peopleByZone]
    .map(([timeZone, count]) => ({ timeZone, people: count }))
    .sort((a, b) => b.people - a.people || a.timeZone.localeCompare(b.timeZone));
  return {
    range: reportRange(filters),
    team: filters.team ?? null,
    people: people.length,
    timeZones,
    ...heatmap,
  };
}

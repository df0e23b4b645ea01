import { gini, lorenzCurve } from "@/lib/metrics/fairness";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { MetricSettings } from "@/lib/shared/metric-settings";
import type { Report, ReportTeamRow } from "@/lib/shared/report";
import { type ReportFilters, reportRange } from "@/lib/shared/report-filters";
import { Prisma } from "@/prisma/generated/client/client";
import { getIncidentMetrics } from "../queries/get-incident-metrics";
import { listPagingTests } from "../queries/list-paging-tests";
import { listReportPeople } from "../queries/list-report-people";
import { summarisePeopleKept } from "../rollups/person-summary-rollups";
import { listReportServiceNoise, serviceNoiseRows } from "./service-noise-rows";
import { type PersonSummary, roundHours } from "./summarise-people";

interface TeamRow {
  id: number;
  name: string;
  pagerdutyId: string | null;
}

/**
 * Fairness of each team's rotation members — its people with on-call time in the range
 * (PRODUCT.md › Fairness) — over on-call hours, off-hours + sleep interruptions and weekend +
 * holiday hours (a holiday Saturday counted once).
 */
export function teamFairnessRows(
  teams: readonly TeamRow[],
  people: readonly PersonSummary[],
): ReportTeamRow[] {
  return teams.map((team) => {
    const members = people
      .filter(({ person, load }) => person.teamIds.includes(team.id) && load.onCall.hours > 0)
      .map(({ person, load }) => ({
        email: person.email,
        name: person.name,
        onCallHours: load.onCall.hours,
        offHoursInterruptions: load.interruptions.off + load.interruptions.sleep,
        weekendHolidayHours: load.onCall.weekendOrHolidayHours,
      }));
    const onCallHours = members.map((member) => member.onCallHours);
    const interruptions = members.map((member) => member.offHoursInterruptions);
    const weekendHolidayHours = members.map((member) => member.weekendHolidayHours);
    return {
      name: team.name,
      pagerdutyId: team.pagerdutyId,
      members: members.map((member) => ({
        ...member,
        onCallHours: roundHours(member.onCallHours),
        weekendHolidayHours: roundHours(member.weekendHolidayHours),
      })),
      fairness: {
        onCallHoursGini: gini(onCallHours),
        interruptionsGini: gini(interruptions),
        weekendHolidayHoursGini: gini(weekendHolidayHours),
      },
      lorenz: {
        onCallHours: lorenzCurve(onCallHours),
        interruptions: lorenzCurve(interruptions),
        weekendHolidayHours: lorenzCurve(weekendHolidayHours),
      },
    };
  });
}

/**
 * The whole report for a range (PRODUCT.md › Command line): incident metrics, paging tests and
 * service noise in SQL while every person with a page or shift in the range is summarised a
 * batch at a time, then team fairness and alert kinds from those rows.
 * With a team filter, incidents are the team's and people are its members.
 */
export async function buildReport(
  db: PrismaClient,
  filters: ReportFilters,
  settings: MetricSettings,
): Promise<Report> {
  const scope = {
    range: filters.range,
    team: filters.team,
    service: filters.service,
    urgency: filters.urgency,
  };
  // What does not depend on the people runs beside them; the people are the long part.
  const otherwise = Promise.all([
    getIncidentMetrics(db, scope),
    listPagingTests(db, scope),
    listReportServiceNoise(db, scope, settings),
  ]);
  otherwise.catch(() => {}); // reported where it is awaited, not as an unhandled rejection
  const [people, allTeams] = await Promise.all([
    listReportPeople(db, { range: filters.range, team: filters.team }),
    db.$queryRaw<TeamRow[]>(
      Prisma.sql`SELECT id, name, pagerduty_id AS "pagerdutyId" FROM teams ORDER BY lower(name)`,
    ),
  ]);
  const teamNameById = new Map(allTeams.map((team) => [team.id, team.name]));
  const summary = await summarisePeopleKept(db, people, filters.range, settings, teamNameById);
  const [incidentMetrics, pagingTests, serviceNoise] = await otherwise;
  const noise = await serviceNoiseRows(db, serviceNoise, settings, summary.people);
  const teams =
    filters.team === undefined
      ? allTeams
      : allTeams.filter(
          (team) =>
            team.name.toLowerCase() === filters.team?.toLowerCase() ||
            team.pagerdutyId === filters.team,
        );

  const { mttdCoverage, detection, ...incidents } = incidentMetrics;
  return {
    range: reportRange(filters),
    filters: {
      team: filters.team ?? null,
      service: filters.service ?? null,
      urgency: filters.urgency ?? null,
    },
    incidents: { ...incidents, mttdCoverage },
    detection,
    people: summary.people.map(({ row }) => row),
    teams: teamFairnessRows(teams, summary.people).filter(
      (team) => filters.team !== undefined || team.members.length > 0,
    ),
    ...noise,
    pagingTests: {
      tests: pagingTests.tests.length,
      acknowledged: pagingTests.tests.filter((test) => test.acknowledgedAt !== null).length,
      people: pagingTests.people,
    },
  };
}

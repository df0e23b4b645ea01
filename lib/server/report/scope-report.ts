import {
  type PeopleShown,
  reportPeopleShown,
  type Viewer,
  visibleTeamIds,
} from "@/lib/shared/access-policy";
import { reportLoad } from "@/lib/shared/people-totals";
import type { ApiReport, Report, TeamMemberShare } from "@/lib/shared/report";
import { type ScopedTeam, visibleTeamNames } from "../access/authorize";
import type { PrismaClient } from "../database/prisma-client";
import type { PagingTests } from "../queries/list-paging-tests";

/** What of a report's per-person rows one viewer gets, resolved once per request. */
export interface ReportAudience {
  peopleShown: PeopleShown;
  /** The viewer's linked person, to find their own rows; null unless peopleShown is "own". */
  ownPerson: { id: number; email: string | null; pagerdutyId: string | null } | null;
  /** Names of the teams whose load the viewer may see. */
  visibleTeams: "all" | readonly string[];
}

/** The audience of an authorised scope (`team` as authorizeAggregateScope returned it). */
export async function reportAudience(
  db: PrismaClient,
  viewer: Viewer,
  team: ScopedTeam | null,
): Promise<ReportAudience> {
  const peopleShown = reportPeopleShown(viewer, team?.id ?? null);
  const [ownPerson, visibleTeams] = await Promise.all([
    peopleShown === "own" && viewer.personId !== null
      ? db.person.findUnique({
          where: { id: viewer.personId },
          select: { id: true, email: true, pagerdutyId: true },
        })
      : null,
    visibleTeamIds(viewer) === "all" ? ("all" as const) : visibleTeamNames(db, viewer),
  ]);
  return { peopleShown, ownPerson, visibleTeams };
}

// Report rows carry no person id; e-mail and PagerDuty id are each unique per person.
function isOwnRow(
  audience: ReportAudience,
  row: { email: string | null; pagerdutyId?: string | null },
): boolean {
  const own = audience.ownPerson;
  if (audience.peopleShown !== "own" || own === null) return false;
  return (
    (own.email !== null && row.email === own.email) ||
    (own.pagerdutyId !== null &&
      row.pagerdutyId !== undefined &&
      row.pagerdutyId === own.pagerdutyId)
  );
}

/**
 * A team's rotation members as the audience may see them. Others' names are replaced by
 * "Member 1", "Member 2", … (busiest first) rather than dropped: the member count and each
 * share are what the Gini and Lorenz curve already say, and the fairness panel stays readable.
 */
function scopeMembers(
  members: readonly TeamMemberShare[],
  audience: ReportAudience,
): TeamMemberShare[] {
  if (audience.peopleShown === "all") return [...members];
  let anonymous = 0;
  return [...members]
    .sort(
      (a, b) => b.onCallHours - a.onCallHours || b.offHoursInterruptions - a.offHoursInterruptions,
    )
    .map((member) => {
      if (isOwnRow(audience, member)) return member;
      anonymous += 1;
      return { ...member, name: `Member ${anonymous}`, email: null };
    });
}

function scopePagingTestPeople<Person extends { personId: number }>(
  people: readonly Person[],
  audience: ReportAudience,
): Person[] {
  if (audience.peopleShown === "all") return [...people];
  const ownId = audience.peopleShown === "own" ? audience.ownPerson?.id : undefined;
  return people.filter((person) => person.personId === ownId);
}

/**
 * The full report as the audience may see it: `load` is added up from every person row first,
 * then the rows, team members' names and paging-test people are withheld (docs/accounts.md).
 */
export function scopeReport(report: Report, audience: ReportAudience): ApiReport {
  const { visibleTeams } = audience;
  const load = reportLoad(
    report.people,
    (team) => visibleTeams === "all" || visibleTeams.includes(team),
  );
  const people =
    audience.peopleShown === "all"
      ? report.people
      : report.people.filter((row) => isOwnRow(audience, row));
  return {
    ...report,
    people,
    teams: report.teams.map((team) => ({ ...team, members: scopeMembers(team.members, audience) })),
    pagingTests: {
      ...report.pagingTests,
      people: scopePagingTestPeople(report.pagingTests.people, audience),
    },
    load,
    peopleShown: audience.peopleShown,
  };
}

/** `GET /api/metrics/paging-tests` for the audience: who was paged and who acknowledged. */
export function scopePagingTests(
  pagingTests: PagingTests,
  audience: ReportAudience,
): PagingTests & { peopleShown: PeopleShown } {
  const { peopleShown } = audience;
  const ownId = peopleShown === "own" ? audience.ownPerson?.id : undefined;
  const isShown = (personId: number | null) =>
    peopleShown === "all" || (personId !== null && personId === ownId);
  return {
    tests: pagingTests.tests.map((test) => ({
      ...test,
      acknowledgedBy:
        test.acknowledgedBy && isShown(test.acknowledgedBy.personId) ? test.acknowledgedBy : null,
      pages: test.pages.filter((page) => isShown(page.personId)),
    })),
    people: scopePagingTestPeople(pagingTests.people, audience),
    peopleShown,
  };
}

import type { ReportLoad, ReportPersonRow } from "./report";

export interface PeopleTotals {
  people: number;
  /** Off + sleep band interruptions. */
  offHoursInterruptions: number;
  wakeups: number;
  /** Time in lieu owed at the end of the range, to 0.01 h. */
  toilOwedHours: number;
  restBreaches: number;
  highRisk: number;
}

const EMPTY: PeopleTotals = {
  people: 0,
  offHoursInterruptions: 0,
  wakeups: 0,
  toilOwedHours: 0,
  restBreaches: 0,
  highRisk: 0,
};

/** The organisation's (or a team's) load: the report's people rows added up. */
export function peopleTotals(people: readonly ReportPersonRow[]): PeopleTotals {
  const totals = people.reduce(
    (sum, person) => ({
      people: sum.people + 1,
      offHoursInterruptions:
        sum.offHoursInterruptions + person.interruptions.off + person.interruptions.sleep,
      wakeups: sum.wakeups + person.wakeups,
      toilOwedHours: sum.toilOwedHours + person.toil.owedHours,
      restBreaches: sum.restBreaches + person.restBreaches,
      highRisk: sum.highRisk + (person.burnoutRisk.level === "high" ? 1 : 0),
    }),
    EMPTY,
  );
  // Each row is already rounded to 0.01 h; round the sum again so float drift does not show.
  return { ...totals, toilOwedHours: Math.round(totals.toilOwedHours * 100) / 100 };
}

/** The same totals per team name (a person in two teams counts in both). */
export function peopleTotalsByTeam(people: readonly ReportPersonRow[]): Map<string, PeopleTotals> {
  const byTeam = new Map<string, ReportPersonRow[]>();
  for (const person of people) {
    for (const team of person.teams) byTeam.set(team, [...(byTeam.get(team) ?? []), person]);
  }
  return new Map([...byTeam].map(([team, rows]) => [team, peopleTotals(rows)]));
}

/**
 * The report's load for the API, from every person row before any is withheld from the viewer:
 * the total, and each team's for the teams `isVisibleTeam` allows (a person of a team the viewer
 * sees may also belong to one they do not).
 */
export function reportLoad(
  people: readonly ReportPersonRow[],
  isVisibleTeam: (teamName: string) => boolean,
): ReportLoad {
  const byTeam: Record<string, PeopleTotals> = {};
  for (const [team, totals] of peopleTotalsByTeam(people)) {
    if (isVisibleTeam(team)) byTeam[team] = totals;
  }
  return { total: peopleTotals(people), byTeam };
}

import Link from "next/link";
import { formatCount } from "@/lib/client/format";
import type { TeamOverviewRow } from "@/lib/server/queries/list-team-overview";
import { type DashboardFilters, dashboardQueryString } from "@/lib/shared/dashboard-filters";
import { Definition } from "../../_components/definition";

/** Every team with its size and incidents in the range, each linking to its health page. */
export function TeamList({
  teams,
  filters,
}: {
  teams: TeamOverviewRow[];
  filters: DashboardFilters;
}) {
  if (teams.length === 0) {
    return (
      <section className="empty" aria-labelledby="no-teams-heading" data-testid="teams-empty">
        <h2 id="no-teams-heading">No teams yet</h2>
        <p>
          Teams arrive with your PagerDuty data: load the demo organisation with{" "}
          <code>npx fairshift seed</code>, import a REST dump on the <Link href="/data">Data</Link>{" "}
          page, or run <code>npx fairshift sync pagerduty</code>.
        </p>
      </section>
    );
  }
  const query = dashboardQueryString(filters);
  return (
    <div className="table-scroll">
      <table data-testid="teams-table">
        <caption>Teams</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col" className="number">
              Members
            </th>
            <th scope="col" className="number">
              On call in period <Definition metric="rotationMembers" />
            </th>
            <th scope="col" className="number">
              Services
            </th>
            <th scope="col" className="number">
              Incidents in period <Definition metric="incidents" />
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.id}>
              <th scope="row">
                <Link href={`/teams/${team.id}?${query}`}>{team.name}</Link>
              </th>
              <td className="number">{formatCount(team.people)}</td>
              <td className="number">{formatCount(team.onCallPeople)}</td>
              <td className="number">{formatCount(team.services)}</td>
              <td className="number">{formatCount(team.incidents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { OrganisationSummary } from "@/lib/server/queries/get-organisation-summary";

const numberFormat = new Intl.NumberFormat("en");
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function OrganisationOverview({ summary }: { summary: OrganisationSummary }) {
  const { totals, incidentRange, teams } = summary;
  if (totals.people === 0 && totals.incidents === 0) {
    return (
      <section className="empty" aria-labelledby="empty-heading">
        <h1 id="empty-heading">No data yet</h1>
        <p>
          Load the demo organisation with <code>npx fairshift seed</code>, or import your PagerDuty
          history (see docs/data-sources.md).
        </p>
      </section>
    );
  }
  const tiles: [string, number][] = [
    ["Teams", totals.teams],
    ["People", totals.people],
    ["Services", totals.services],
    ["On-call shifts", totals.shifts],
    ["Incidents", totals.incidents],
    ["Pages", totals.pages],
  ];
  return (
    <>
      <h1>Your organisation</h1>
      <p className="lede">
        {incidentRange
          ? `Incidents from ${dateFormat.format(incidentRange.first)} to ${dateFormat.format(incidentRange.last)} (UTC).`
          : "No incidents yet."}
      </p>
      <dl className="tiles" aria-label="Totals">
        {tiles.map(([label, value]) => (
          <div className="tile" key={label}>
            <dt>{label}</dt>
            <dd data-testid={`total-${label.toLowerCase().replaceAll(" ", "-")}`}>
              {numberFormat.format(value)}
            </dd>
          </div>
        ))}
      </dl>
      <table>
        <caption>Teams</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col" className="number">
              People
            </th>
            <th scope="col" className="number">
              Services
            </th>
            <th scope="col" className="number">
              Incidents
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.id}>
              <th scope="row">{team.name}</th>
              <td className="number">{numberFormat.format(team.people)}</td>
              <td className="number">{numberFormat.format(team.services)}</td>
              <td className="number">{numberFormat.format(team.incidents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

"use client";

import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import {
  formatCount,
  formatDuration,
  formatHours,
  formatPercent,
  NO_VALUE,
} from "@/lib/client/format";
import {
  type ApiReport,
  type Catalog,
  type IncidentBreakdownResponse,
  incidentBreakdownQueryOptions,
} from "@/lib/client/metrics";
import type { DashboardFilters } from "@/lib/shared/dashboard-filters";
import { type PeopleTotals, peopleTotals } from "@/lib/shared/people-totals";
import { Definition } from "../definition";

type Row = IncidentBreakdownResponse["rows"][number];

const EMPTY_TOTALS = peopleTotals([]);

function Pending() {
  return (
    <span className="cell-pending" role="status">
      <span aria-hidden="true">…</span>
      <span className="visually-hidden">Loading</span>
    </span>
  );
}

function IncidentColumns({ row }: { row: Row }) {
  return (
    <>
      <td className="number">{formatCount(row.count)}</td>
      <td className="number">{formatDuration(row.mtta.medianSeconds)}</td>
      <td className="number">{formatDuration(row.mttr.medianSeconds)}</td>
      <td className="number">{formatDuration(row.mttr.p90Seconds)}</td>
      <td className="number">{formatPercent(row.customerFirstRate)}</td>
    </>
  );
}

function IncidentHeaders() {
  return (
    <>
      <th scope="col" className="number">
        Incidents
      </th>
      <th scope="col" className="number">
        MTTA median <Definition metric="mtta" />
      </th>
      <th scope="col" className="number">
        MTTR median <Definition metric="mttr" />
      </th>
      <th scope="col" className="number">
        MTTR p90
      </th>
      <th scope="col" className="number">
        Customer first <Definition metric="customerFirstRate" />
      </th>
    </>
  );
}

function Message({ query, empty }: { query: UseQueryResult<unknown>; empty: string }) {
  if (query.isError)
    return (
      <p className="error" role="alert">
        Could not load: {query.error.message}
      </p>
    );
  return <p className="hint">{empty}</p>;
}

/** By-team and by-service tables; the team rows add each team's people load once it is computed. */
export function BreakdownTables({
  filters,
  catalog,
  report,
}: {
  filters: DashboardFilters;
  catalog: Catalog;
  report: UseQueryResult<ApiReport>;
}) {
  const byTeam = useQuery(incidentBreakdownQueryOptions(filters, "team"));
  const byService = useQuery(incidentBreakdownQueryOptions(filters, "service"));
  // The API's totals over every person, whoever the viewer may see one by one.
  const teamLoad = report.data ? new Map(Object.entries(report.data.load.byTeam)) : null;
  const teamId = new Map(catalog.teams.map((team) => [team.name, team.id]));
  const teamRows = byTeam.data?.rows ?? [];
  const serviceRows = byService.data?.rows ?? [];
  return (
    <div className="breakdowns">
      <section aria-labelledby="by-team-heading">
        <h2 id="by-team-heading">By team</h2>
        {teamRows.length === 0 ? (
          <Message query={byTeam} empty="No incidents in this period." />
        ) : (
          <div className="table-scroll">
            <table aria-labelledby="by-team-heading" data-testid="by-team">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <IncidentHeaders />
                  <th scope="col" className="number">
                    Off-hours interruptions <Definition metric="offHoursInterruptions" />
                  </th>
                  <th scope="col" className="number">
                    Wake-ups <Definition metric="wakeups" />
                  </th>
                  <th scope="col" className="number">
                    Time in lieu owed <Definition metric="toilOwed" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {teamRows.map((row) => {
                  const id = row.name === null ? undefined : teamId.get(row.name);
                  const load = row.name === null ? undefined : teamLoad?.get(row.name);
                  // Load is per person, so it has no "no team" row; with a team filter the
                  // report holds that team's members only, so other rows cannot be told.
                  const isKnowable =
                    row.name !== null &&
                    (filters.team === undefined ||
                      filters.team.toLowerCase() === row.name.toLowerCase() ||
                      catalog.teams.some(
                        (team) => team.name === row.name && team.pagerdutyId === filters.team,
                      ));
                  // A team nobody was paged or on call for carries no load: 0, not unknown.
                  const loadCell = (value: (totals: PeopleTotals) => string) =>
                    !isKnowable ? (
                      NO_VALUE
                    ) : teamLoad === null ? (
                      <Pending />
                    ) : (
                      value(load ?? EMPTY_TOTALS)
                    );
                  return (
                    <tr key={row.id ?? "none"}>
                      <th scope="row">
                        {id === undefined ? (
                          (row.name ?? "No team")
                        ) : (
                          <Link
                            href={`/teams/${id}?from=${filters.from}&to=${filters.to}&tz=${encodeURIComponent(filters.tz)}`}
                          >
                            {row.name}
                          </Link>
                        )}
                      </th>
                      <IncidentColumns row={row} />
                      <td className="number">
                        {loadCell((l) => formatCount(l.offHoursInterruptions))}
                      </td>
                      <td className="number">{loadCell((l) => formatCount(l.wakeups))}</td>
                      <td className="number">{loadCell((l) => formatHours(l.toilOwedHours))}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="hint">
          An incident of two teams counts for each. People's load counts each member of the team
          paged or on call in the period.
        </p>
      </section>
      <section aria-labelledby="by-service-heading">
        <h2 id="by-service-heading">By service</h2>
        {serviceRows.length === 0 ? (
          <Message query={byService} empty="No incidents in this period." />
        ) : (
          <div className="table-scroll">
            <table aria-labelledby="by-service-heading" data-testid="by-service">
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <IncidentHeaders />
                </tr>
              </thead>
              <tbody>
                {serviceRows.map((row) => (
                  <tr key={row.id ?? "none"}>
                    <th scope="row">{row.name ?? "No service"}</th>
                    <IncidentColumns row={row} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

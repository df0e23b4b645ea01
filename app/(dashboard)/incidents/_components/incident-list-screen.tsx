"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatCount, formatDate, formatDateTime, formatDuration } from "@/lib/client/format";
import { type IncidentListPage, incidentListQueryOptions } from "@/lib/client/incidents";
import { useFilterNavigation } from "@/lib/client/use-dashboard-filters";
import type { Catalog } from "@/lib/server/queries/list-catalog";
import { type DashboardFilters, dashboardQueryString } from "@/lib/shared/dashboard-filters";
import { type IncidentListFilters, incidentListParams } from "@/lib/shared/incident-requests";
import { FilterBar } from "../../_components/filter-bar";
import { SourceBadge, StatusBadge } from "./incident-badges";
import { IncidentListFilterForm } from "./incident-list-filter-form";

interface IncidentListScreenProps {
  filters: DashboardFilters;
  catalog: Catalog;
  list: IncidentListFilters;
}

/** The incidents in the URL's filters, 50 a page, newest first; each links to its detail. */
export function IncidentListScreen({ filters, catalog, list }: IncidentListScreenProps) {
  const incidents = useQuery(incidentListQueryOptions(filters, list));
  const { navigate, isNavigating } = useFilterNavigation();
  const changeList = (next: Omit<IncidentListFilters, "page">) =>
    navigate(filters, incidentListParams({ ...next, page: 1 }));
  const hrefOf = (page: number, extra = list) =>
    `/incidents?${dashboardQueryString(filters, incidentListParams({ ...extra, page }))}`;

  return (
    <>
      <div className="page-heading">
        <h1>Incidents</h1>
      </div>
      <p className="lede">
        Every incident created in the range, paging tests included, newest first. Times are in{" "}
        {filters.tz}.
      </p>
      <FilterBar
        filters={filters}
        catalog={catalog}
        show={{ team: true, service: true, urgency: true }}
        mode="range"
        keep={incidentListParams({ ...list, page: 1 })}
      />
      <IncidentListFilterForm list={list} onChange={changeList} />
      {incidents.isError ? (
        <div role="alert" className="error incident-message">
          <p>Incidents could not be loaded: {incidents.error.message}</p>
          <button type="button" onClick={() => incidents.refetch()}>
            Try again
          </button>
        </div>
      ) : null}
      {incidents.isPending ? (
        <p aria-busy="true" className="incident-message">
          Loading incidents…
        </p>
      ) : null}
      {incidents.data ? (
        <IncidentResults
          page={incidents.data}
          filters={filters}
          list={list}
          catalog={catalog}
          isBusy={isNavigating || incidents.isPlaceholderData}
          hrefOf={hrefOf}
          onClearList={() => changeList({})}
        />
      ) : null}
    </>
  );
}

function IncidentResults({
  page,
  filters,
  list,
  catalog,
  isBusy,
  hrefOf,
  onClearList,
}: {
  page: IncidentListPage;
  filters: DashboardFilters;
  list: IncidentListFilters;
  catalog: Catalog;
  isBusy: boolean;
  hrefOf: (page: number) => string;
  onClearList: () => void;
}) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (page.total === 0) {
    return (
      <EmptyIncidents filters={filters} list={list} catalog={catalog} onClearList={onClearList} />
    );
  }
  if (page.incidents.length === 0) {
    return (
      <p className="empty">
        Page {formatCount(page.page)} is past the last page ({formatCount(pages)}).{" "}
        <Link href={hrefOf(1)}>Go to the first page</Link>.
      </p>
    );
  }
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.incidents.length - 1;
  const detailQuery = dashboardQueryString(filters, incidentListParams(list));
  return (
    <>
      <p className="incident-count" aria-live="polite">
        Showing {formatCount(first)}–{formatCount(last)} of{" "}
        <strong data-testid="incident-total">{formatCount(page.total)}</strong>{" "}
        {page.total === 1 ? "incident" : "incidents"}
      </p>
      <div className="table-scroll" aria-busy={isBusy}>
        <table className="incident-table">
          <caption className="visually-hidden">
            Incidents created from {filters.from} to {filters.to} (exclusive), newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Service</th>
              <th scope="col">Urgency</th>
              <th scope="col">Status</th>
              <th scope="col">Detected by</th>
              <th scope="col">Created ({filters.tz})</th>
              <th scope="col" className="number">
                Time to ack
              </th>
              <th scope="col" className="number">
                Time to resolve
              </th>
              <th scope="col" className="number">
                Pages
              </th>
            </tr>
          </thead>
          <tbody>
            {page.incidents.map((incident) => (
              <tr key={incident.id}>
                <th scope="row" className="incident-title-cell">
                  <Link href={`/incidents/${incident.id}?${detailQuery}`}>
                    <span className="incident-number">
                      {incident.number !== null ? `#${incident.number}` : incident.pagerdutyId}
                    </span>{" "}
                    {incident.title}
                  </Link>
                </th>
                <td>{incident.serviceName ?? "—"}</td>
                <td className={`incident-urgency-${incident.urgency}`}>
                  {incident.urgency === "high" ? "High" : "Low"}
                </td>
                <td>
                  <StatusBadge status={incident.status} />
                </td>
                <td>
                  <SourceBadge source={incident.detectionSource} />
                </td>
                <td>
                  <time dateTime={incident.createdAt}>
                    {formatDateTime(incident.createdAt, filters.tz)}
                  </time>
                </td>
                <td className="number">{formatDuration(incident.timeToAcknowledgeSeconds)}</td>
                <td className="number">{formatDuration(incident.timeToResolveSeconds)}</td>
                <td className="number">{formatCount(incident.pages)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Time to ack and to resolve are counted as MTTA and MTTR count them: "—" when not
        acknowledged or resolved yet, for paging tests and for incidents resolved by merge.
      </p>
      {pages > 1 ? (
        <nav className="pager incident-pager" aria-label="Pages of incidents">
          {page.page > 1 ? (
            <Link href={hrefOf(page.page - 1)} rel="prev">
              ← Newer
            </Link>
          ) : (
            <span aria-hidden="true" className="incident-pager-off">
              ← Newer
            </span>
          )}
          <span>
            Page {formatCount(page.page)} of {formatCount(pages)}
          </span>
          {page.page < pages ? (
            <Link href={hrefOf(page.page + 1)} rel="next">
              Older →
            </Link>
          ) : (
            <span aria-hidden="true" className="incident-pager-off">
              Older →
            </span>
          )}
        </nav>
      ) : null}
    </>
  );
}

function EmptyIncidents({
  filters,
  list,
  catalog,
  onClearList,
}: {
  filters: DashboardFilters;
  list: IncidentListFilters;
  catalog: Catalog;
  onClearList: () => void;
}) {
  if (catalog.lastIncidentAt === null) {
    return (
      <section className="empty" aria-labelledby="no-incidents-heading">
        <h2 id="no-incidents-heading">No incidents yet</h2>
        <p>
          Import your PagerDuty history on the <Link href="/data">Data page</Link> (or with{" "}
          <code>npx fairshift sync pagerduty</code>), or load the demo organisation with{" "}
          <code>npx fairshift seed</code>.
        </p>
      </section>
    );
  }
  const hasScope = Boolean(filters.team || filters.service || filters.urgency);
  const hasListFilters = Boolean(list.status || list.source || list.q);
  return (
    <section className="empty" aria-labelledby="no-incidents-heading">
      <h2 id="no-incidents-heading">No incidents match these filters</h2>
      <p>To see more, widen the filters:</p>
      <ul>
        <li>
          Move From or To: this range is {filters.from} to {filters.to} (exclusive) in {filters.tz},
          and the newest incident was created on {formatDate(catalog.lastIncidentAt, filters.tz)}.
        </li>
        {hasScope ? <li>Choose All teams, All services or Any urgency above.</li> : null}
        {hasListFilters ? (
          <li>
            Clear the status, detection and search filters{list.q ? ` (search "${list.q}")` : ""}:{" "}
            <button type="button" className="link" onClick={onClearList}>
              clear them
            </button>
            .
          </li>
        ) : null}
      </ul>
    </section>
  );
}

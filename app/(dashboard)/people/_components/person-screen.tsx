"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDate } from "@/lib/client/format";
import { personActivityQueryOptions } from "@/lib/client/people";
import type { Catalog } from "@/lib/server/queries/list-catalog";
import type { DashboardFilters } from "@/lib/shared/dashboard-filters";
import { FilterBar } from "../../_components/filter-bar";
import { InterruptionTimeline } from "./interruption-timeline";
import { PersonSummaryTiles } from "./person-summary-tiles";
import { ShiftCalendar } from "./shift-calendar";
import { TimeInLieuLedger } from "./time-in-lieu-ledger";

interface PersonScreenProps {
  /** The id, PagerDuty id or e-mail the URL names them by. */
  personKey: string;
  filters: DashboardFilters;
  catalog: Catalog;
}

/** The last day of a range whose `to` is exclusive, for "1 Jul 2026 – 30 Sep 2026". */
function lastDayOf(to: string): string {
  return new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString();
}

/**
 * The person screen (PRODUCT.md › Screens › Person): who they are, their row of the report, their
 * shifts calendar, interruption timeline and time-in-lieu ledger for the range in the URL.
 */
export function PersonScreen({ personKey, filters, catalog }: PersonScreenProps) {
  const activity = useQuery(personActivityQueryOptions(personKey, filters));
  const person = activity.data?.person;
  return (
    <>
      <div className="page-heading">
        <h1>{person?.name ?? personKey}</h1>
        {person?.email ? <span className="hint">{person.email}</span> : null}
      </div>
      {person ? (
        <dl className="person-facts" aria-label="About this person">
          <div>
            <dt>Time zone</dt>
            <dd data-testid="person-time-zone">
              {person.timeZone}{" "}
              <span className="hint">
                {person.isAccountTimeZone
                  ? "(the account zone: PagerDuty has none for them)"
                  : "(their PagerDuty zone)"}
              </span>
            </dd>
          </div>
          <div>
            <dt>Teams</dt>
            <dd>{person.teams.length > 0 ? person.teams.join(", ") : "No team"}</dd>
          </div>
          <div>
            <dt>Holiday region</dt>
            <dd>{person.holidayRegion ?? "None known: no public holidays apply"}</dd>
          </div>
          {person.pagerdutyId ? (
            <div>
              <dt>PagerDuty id</dt>
              <dd>
                <code>{person.pagerdutyId}</code>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <FilterBar filters={filters} catalog={catalog} mode="range" />
      <p className="hint person-range">
        {formatDate(`${filters.from}T00:00:00Z`, "UTC")} –{" "}
        {formatDate(lastDayOf(filters.to), "UTC")} read in {filters.tz}. Hour bands, calendar days
        and weeks are in{" "}
        {person ? `${person.name}'s own zone (${person.timeZone})` : "their own zone"}.
      </p>
      {activity.isError ? (
        <div className="panel" role="alert">
          <p className="error">Could not load this person: {activity.error.message}</p>
          <button type="button" onClick={() => activity.refetch()}>
            Try again
          </button>
        </div>
      ) : null}
      <PersonSummaryTiles activity={activity.data} />
      <ShiftCalendar query={activity} />
      <InterruptionTimeline query={activity} filters={filters} />
      <TimeInLieuLedger personKey={personKey} filters={filters} person={person} />
    </>
  );
}

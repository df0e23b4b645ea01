"use client";

import { useQuery } from "@tanstack/react-query";
import {
  type Catalog,
  incidentMetricsQueryOptions,
  reportQueryOptions,
} from "@/lib/client/metrics";
import { useFilterNavigation } from "@/lib/client/use-dashboard-filters";
import {
  type DashboardFilters,
  dashboardQueryString,
  periodName,
  previousPeriodFilters,
  TREND_QUARTERS,
} from "@/lib/shared/dashboard-filters";
import { FilterBar } from "../filter-bar";
import { BreakdownTables } from "./breakdown-tables";
import { ReviewTiles } from "./review-tiles";
import { TrendCharts } from "./trend-charts";

export function QuarterlyReview({
  filters,
  catalog,
  quarters,
}: {
  filters: DashboardFilters;
  catalog: Catalog;
  quarters: number;
}) {
  const previous = previousPeriodFilters(filters);
  const current = useQuery(incidentMetricsQueryOptions(filters));
  const before = useQuery(incidentMetricsQueryOptions(previous));
  const report = useQuery(reportQueryOptions(filters));
  const previousReport = useQuery(reportQueryOptions(previous));
  const { navigate } = useFilterNavigation();
  const scope = [filters.team, filters.service, filters.urgency && `${filters.urgency} urgency`]
    .filter(Boolean)
    .join(", ");
  return (
    <>
      <div className="page-heading">
        <h1>Quarterly review: {periodName(filters)}</h1>
        <div className="page-actions no-print">
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
          <a
            className="button"
            href={`/api/review?${dashboardQueryString(filters, { quarters, format: "csv" })}`}
            download
          >
            Export CSV
          </a>
        </div>
      </div>
      <p className="lede">
        {scope ? `${scope}. ` : "The whole organisation. "}Incidents by their created time in{" "}
        {filters.tz}; compared with {periodName(previous)}. People's hours and bands are read in
        their own time zones.
      </p>
      <FilterBar
        filters={filters}
        catalog={catalog}
        mode="quarter"
        show={{ team: true, service: true, urgency: true }}
        keep={{ quarters: String(quarters) }}
      />
      <ReviewTiles
        current={current.data}
        previous={before.data}
        report={report}
        previousReport={previousReport}
        previousName={periodName(previous)}
      />
      <section aria-labelledby="trends-heading">
        <div className="page-heading">
          <h2 id="trends-heading">Monthly trends</h2>
          <label className="inline-select no-print">
            Over{" "}
            <select
              value={quarters}
              onChange={(event) => navigate(filters, { quarters: event.target.value })}
            >
              {TREND_QUARTERS.map((count) => (
                <option key={count} value={count}>
                  {count} quarters
                </option>
              ))}
            </select>
          </label>
        </div>
        <TrendCharts filters={filters} quarters={quarters} />
      </section>
      <BreakdownTables filters={filters} catalog={catalog} report={report} />
    </>
  );
}

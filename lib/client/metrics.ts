import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type {
  IncidentBreakdownResponse,
  IncidentMetricsResponse,
  IncidentSeriesResponse,
} from "@/lib/server/dashboard/dashboard-responses";
import type { Catalog } from "@/lib/server/queries/list-catalog";
import { type DashboardFilters, dashboardQueryString } from "@/lib/shared/dashboard-filters";
import type { ApiReport, Report } from "@/lib/shared/report";
import { fetchJson } from "./fetch-json";

export type {
  ApiReport,
  Catalog,
  IncidentBreakdownResponse,
  IncidentMetricsResponse,
  IncidentSeriesResponse,
  Report,
};

/** The filters as a query key: fixed key order, unset filters as null. */
export function filtersKey(filters: DashboardFilters) {
  return {
    from: filters.from,
    to: filters.to,
    tz: filters.tz,
    team: filters.team ?? null,
    service: filters.service ?? null,
    urgency: filters.urgency ?? null,
  };
}

/** `GET /api/metrics/incidents`: count, MTTD/MTTA/MTTR and detection for the filters (one SQL aggregate). */
export function incidentMetricsQueryOptions(filters: DashboardFilters) {
  return queryOptions({
    queryKey: ["metrics", "incidents", filtersKey(filters)],
    queryFn: () =>
      fetchJson<IncidentMetricsResponse>(`/api/metrics/incidents?${dashboardQueryString(filters)}`),
  });
}

/** `GET /api/metrics/series`: the same measures per month or quarter. */
export function incidentSeriesQueryOptions(
  filters: DashboardFilters,
  interval: "month" | "quarter",
) {
  return queryOptions({
    queryKey: ["metrics", "series", filtersKey(filters), interval],
    queryFn: () =>
      fetchJson<IncidentSeriesResponse>(
        `/api/metrics/series?${dashboardQueryString(filters, { interval })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/metrics/breakdown`: the incident measures per team or per service. */
export function incidentBreakdownQueryOptions(filters: DashboardFilters, by: "team" | "service") {
  return queryOptions({
    queryKey: ["metrics", "breakdown", filtersKey(filters), by],
    queryFn: () =>
      fetchJson<IncidentBreakdownResponse>(
        `/api/metrics/breakdown?${dashboardQueryString(filters, { by })}`,
      ),
  });
}

/**
 * `GET /api/report`: people, teams, noise and paging tests (the per-person metrics are computed
 * on request, so this is the slow one on a large organisation: panels show their loading state).
 * Person rows are those the viewer may see; `load` has the totals over everyone.
 */
export function reportQueryOptions(filters: DashboardFilters) {
  return queryOptions({
    queryKey: ["report", filtersKey(filters)],
    queryFn: () => fetchJson<ApiReport>(`/api/report?${dashboardQueryString(filters)}`),
    staleTime: 60_000,
  });
}

/** `GET /api/catalog`: teams and services for the filters. */
export function catalogQueryOptions() {
  return queryOptions({
    queryKey: ["catalog"],
    queryFn: () => fetchJson<Catalog>("/api/catalog"),
    staleTime: 5 * 60_000,
  });
}

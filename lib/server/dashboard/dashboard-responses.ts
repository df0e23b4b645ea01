import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { DashboardFilters } from "@/lib/shared/dashboard-filters";
import { type ReportFilters, reportRange } from "@/lib/shared/report-filters";
import { reportQuerySchema, type SeriesQuery } from "@/lib/shared/report-query";
import { getIncidentMetrics } from "../queries/get-incident-metrics";
import { getIncidentSeries } from "../queries/get-incident-series";
import { type BreakdownDimension, listIncidentBreakdown } from "../queries/list-incident-breakdown";

/**
 * What the metrics endpoints answer, built in one place so a page's server render seeds React
 * Query with exactly the JSON the browser would fetch (and the route handlers stay thin).
 */
export async function incidentMetricsResponse(db: PrismaClient, filters: ReportFilters) {
  return { range: reportRange(filters), ...(await getIncidentMetrics(db, filters)) };
}

export type IncidentMetricsResponse = Awaited<ReturnType<typeof incidentMetricsResponse>>;

export async function incidentSeriesResponse(db: PrismaClient, query: SeriesQuery) {
  const buckets = await getIncidentSeries(db, query);
  return { range: reportRange(query), interval: query.interval, buckets };
}

export type IncidentSeriesResponse = Awaited<ReturnType<typeof incidentSeriesResponse>>;

/** `teamIds`: the teams whose rows the viewer may see (access-policy `visibleTeamIds`). */
export async function incidentBreakdownResponse(
  db: PrismaClient,
  filters: ReportFilters,
  by: BreakdownDimension,
  teamIds: "all" | readonly number[] = "all",
) {
  const rows = await listIncidentBreakdown(db, filters, by, teamIds);
  return { range: reportRange(filters), by, rows };
}

export type IncidentBreakdownResponse = Awaited<ReturnType<typeof incidentBreakdownResponse>>;

/** The URL filters as the API's report filters (they were checked when read from the URL). */
export function reportFiltersOf(filters: DashboardFilters): ReportFilters {
  return reportQuerySchema.parse({ ...filters });
}

/** A value as it arrives over HTTP: dates become ISO strings, undefined keys disappear. */
export function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Puts a server-computed answer into a QueryClient under the key the browser would fetch it by,
 * so `<HydrationBoundary state={dehydrate(client)}>` paints it without a request.
 */
export function seedQuery<T>(
  client: QueryClient,
  options: { queryKey: readonly unknown[] },
  data: T,
): void {
  client.setQueryData(options.queryKey, asJson(data));
}

import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import {
  incidentBreakdownQueryOptions,
  incidentMetricsQueryOptions,
  incidentSeriesQueryOptions,
} from "@/lib/client/metrics";
import { requirePageViewer } from "@/lib/server/access/page-viewer";
import { resolveDashboardFilters } from "@/lib/server/dashboard/dashboard-defaults";
import {
  incidentBreakdownResponse,
  incidentMetricsResponse,
  incidentSeriesResponse,
  reportFiltersOf,
  seedQuery,
} from "@/lib/server/dashboard/dashboard-responses";
import { getDb } from "@/lib/server/db";
import { visibleTeamIds } from "@/lib/shared/access-policy";
import {
  previousPeriodFilters,
  readTrendQuarters,
  type SearchParamsRecord,
  trendFilters,
} from "@/lib/shared/dashboard-filters";
import { AccessDenied } from "./_components/access-denied";
import { NoData } from "./_components/no-data";
import { QuarterlyReview } from "./_components/review/quarterly-review";

// Reads the database on every request; nothing here can be prerendered at build time.
export const dynamic = "force-dynamic";
export const metadata = { title: "Quarterly review · Fairshift" };

/**
 * The quarterly review. The incident measures (SQL aggregates, milliseconds even on the large
 * seed) are computed here and handed to React Query, so the first paint has every incident tile,
 * trend and table; the per-person load (off-hours, wake-ups, time in lieu) is computed per
 * request and arrives after, in its reserved space.
 */
export default async function QuarterlyReviewPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  const db = getDb();
  const params = await searchParams;
  const viewer = await requirePageViewer();
  const { filters, catalog, denied } = await resolveDashboardFilters(db, params, viewer);
  if (catalog.teams.length === 0 && catalog.lastIncidentAt === null) return <NoData />;
  if (denied) return <AccessDenied message={denied} />;

  const quarters = readTrendQuarters(params);
  const previous = previousPeriodFilters(filters);
  const trend = trendFilters(filters, quarters);
  const client = new QueryClient();
  const [current, before, series, byTeam, byService] = await Promise.all([
    incidentMetricsResponse(db, reportFiltersOf(filters)),
    incidentMetricsResponse(db, reportFiltersOf(previous)),
    incidentSeriesResponse(db, { ...reportFiltersOf(trend), interval: "month" }),
    incidentBreakdownResponse(db, reportFiltersOf(filters), "team", visibleTeamIds(viewer)),
    incidentBreakdownResponse(db, reportFiltersOf(filters), "service", visibleTeamIds(viewer)),
  ]);
  seedQuery(client, incidentMetricsQueryOptions(filters), current);
  seedQuery(client, incidentMetricsQueryOptions(previous), before);
  seedQuery(client, incidentSeriesQueryOptions(trend, "month"), series);
  seedQuery(client, incidentBreakdownQueryOptions(filters, "team"), byTeam);
  seedQuery(client, incidentBreakdownQueryOptions(filters, "service"), byService);
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <QuarterlyReview filters={filters} catalog={catalog} quarters={quarters} />
    </HydrationBoundary>
  );
}

import { queryOptions } from "@tanstack/react-query";
import type { InterruptionHeatmapResponse } from "@/lib/server/queries/get-interruption-heatmap";
import { type DashboardFilters, dashboardQueryString } from "@/lib/shared/dashboard-filters";
import { fetchJson } from "./fetch-json";
import { NO_VALUE } from "./format";
import { filtersKey } from "./metrics";

export type { InterruptionHeatmapResponse };

/**
 * `GET /api/metrics/interruption-heatmap`: the filters' interruptions by weekday × hour in each
 * person's own zone. Built per person like the report, so it loads on the client with a skeleton.
 */
export function interruptionHeatmapQueryOptions(filters: DashboardFilters) {
  return queryOptions({
    queryKey: ["metrics", "interruption-heatmap", filtersKey(filters)],
    queryFn: () =>
      fetchJson<InterruptionHeatmapResponse>(
        `/api/metrics/interruption-heatmap?${dashboardQueryString(filters)}`,
      ),
    staleTime: 60_000,
  });
}

const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** Weeks to one decimal, for rotation intervals and streaks: "4.5 wk"; null → "—". */
export const formatWeeks = (weeks: number | null) =>
  weeks === null ? NO_VALUE : `${oneDecimal.format(weeks)} wk`;

/**
 * The person page for a report row, on the same period: by their PagerDuty id, else their e-mail
 * (the person page accepts either, as well as the database id); null when the row has neither.
 */
export function personPath(
  person: { pagerdutyId: string | null; email: string | null },
  filters: Pick<DashboardFilters, "from" | "to" | "tz">,
) {
  const key = person.pagerdutyId ?? person.email;
  const period = dashboardQueryString({ from: filters.from, to: filters.to, tz: filters.tz });
  return key ? `/people/${encodeURIComponent(key)}?${period}` : null;
}

import type { DashboardFilters } from "@/lib/shared/dashboard-filters";

/**
 * The filters the team screens take from the URL: range and zone only. The team is the path, and
 * service or urgency would narrow the incidents but not the people, so a stray one is dropped
 * rather than half applied.
 */
export function rangeFiltersOf(filters: DashboardFilters): DashboardFilters {
  return { from: filters.from, to: filters.to, tz: filters.tz };
}

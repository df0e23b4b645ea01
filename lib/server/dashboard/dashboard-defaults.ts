import "server-only";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import {
  type DashboardFilters,
  defaultQuarter,
  quarterRange,
  readDashboardFilters,
  type SearchParamsRecord,
} from "@/lib/shared/dashboard-filters";
import { getMetricSettings } from "../queries/get-metric-settings";
import { type Catalog, listCatalog } from "../queries/list-catalog";

export interface DashboardContext {
  filters: DashboardFilters;
  catalog: Catalog;
}

/**
 * The filters a dashboard page renders: the URL's, else the review's default quarter (the last
 * ended quarter, or the last quarter with incidents) in the account's time zone.
 */
export async function resolveDashboardFilters(
  db: PrismaClient,
  searchParams: SearchParamsRecord,
  now: Date = new Date(),
): Promise<DashboardContext> {
  const [catalog, settings] = await Promise.all([listCatalog(db), getMetricSettings(db)]);
  const tz = settings.accountTimeZone;
  const lastIncidentAt = catalog.lastIncidentAt ? new Date(catalog.lastIncidentAt) : null;
  const quarter = defaultQuarter(now, lastIncidentAt, tz);
  const filters = readDashboardFilters(searchParams, { ...quarterRange(quarter), tz });
  return { filters, catalog };
}

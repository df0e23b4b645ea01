import "server-only";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { seesOrganisation, type Viewer, visibleTeamIds } from "@/lib/shared/access-policy";
import {
  type DashboardFilters,
  defaultQuarter,
  quarterRange,
  readDashboardFilters,
  type SearchParamsRecord,
} from "@/lib/shared/dashboard-filters";
import { authorizeReportScope } from "../access/authorize-report-scope";
import { ApiError } from "../http/api-error";
import { getMetricSettings } from "../queries/get-metric-settings";
import { type Catalog, listCatalog } from "../queries/list-catalog";

export interface DashboardContext {
  filters: DashboardFilters;
  catalog: Catalog;
  /** Why the viewer may not see this view (a team they have no role in), or null. */
  denied: string | null;
}

/**
 * The filters a dashboard page renders: the URL's, else the review's default quarter (the last
 * ended quarter, or the last quarter with incidents) in the account's time zone. Someone who
 * may not see the whole organisation gets their first team by default, only their teams in the
 * filters, and `denied` for a team they have no role in.
 */
export async function resolveDashboardFilters(
  db: PrismaClient,
  searchParams: SearchParamsRecord,
  viewer: Viewer,
  now: Date = new Date(),
): Promise<DashboardContext> {
  const [allCatalog, settings] = await Promise.all([listCatalog(db), getMetricSettings(db)]);
  const catalog = catalogFor(viewer, allCatalog);
  const tz = settings.accountTimeZone;
  const lastIncidentAt = catalog.lastIncidentAt ? new Date(catalog.lastIncidentAt) : null;
  const quarter = defaultQuarter(now, lastIncidentAt, tz);
  const filters = readDashboardFilters(searchParams, { ...quarterRange(quarter), tz });
  if (catalog.organisationWide) return { filters, catalog, denied: null };
  if (filters.team === undefined) {
    const first = catalog.teams[0];
    if (first) return { filters: { ...filters, team: first.name }, catalog, denied: null };
    return {
      filters,
      catalog,
      denied: "Your account has no team yet. Ask an admin to grant you a role.",
    };
  }
  try {
    // The API's own check, so a page and its endpoints refuse exactly the same links.
    await authorizeReportScope(db, viewer, { team: filters.team });
    return { filters, catalog, denied: null };
  } catch (error) {
    if (error instanceof ApiError) return { filters, catalog, denied: error.message };
    throw error;
  }
}

/** The catalog as the viewer may use it: only their teams unless they see the organisation. */
function catalogFor(viewer: Viewer, catalog: Catalog): Catalog {
  if (seesOrganisation(viewer)) return { ...catalog, organisationWide: true };
  const visible = visibleTeamIds(viewer);
  const teams = catalog.teams.filter((team) => visible === "all" || visible.includes(team.id));
  return { ...catalog, teams, organisationWide: false };
}

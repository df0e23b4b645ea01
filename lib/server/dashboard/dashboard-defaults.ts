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
  const key = filters.team.toLowerCase();
  const visible = catalog.teams.some(
    (team) => team.name.toLowerCase() === key || team.pagerdutyId === filters.team,
  );
  if (visible) return { filters, catalog, denied: null };
  const names = catalog.teams.map((team) => team.name).join(", ");
  return {
    filters,
    catalog,
    denied:
      `You have no access to team "${filters.team}". ${names ? `You can see ${names}.` : ""}`.trim(),
  };
}

/** The catalog as the viewer may use it: only their teams unless they see the organisation. */
function catalogFor(viewer: Viewer, catalog: Catalog): Catalog {
  if (seesOrganisation(viewer)) return { ...catalog, organisationWide: true };
  const visible = visibleTeamIds(viewer);
  const teams = catalog.teams.filter((team) => visible === "all" || visible.includes(team.id));
  return { ...catalog, teams, organisationWide: false };
}

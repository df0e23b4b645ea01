import { requirePageViewer } from "@/lib/server/access/page-viewer";
import { resolveDashboardFilters } from "@/lib/server/dashboard/dashboard-defaults";
import { reportFiltersOf } from "@/lib/server/dashboard/dashboard-responses";
import { getDb } from "@/lib/server/db";
import { listTeamOverview } from "@/lib/server/queries/list-team-overview";
import type { SearchParamsRecord } from "@/lib/shared/dashboard-filters";
import { FilterBar } from "../_components/filter-bar";
import { rangeFiltersOf } from "./_components/range-filters";
import { TeamList } from "./_components/team-list";
import "./teams.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Teams · Fairshift" };

export default async function TeamsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  const db = getDb();
  const context = await resolveDashboardFilters(db, await searchParams, await requirePageViewer());
  const filters = rangeFiltersOf(context.filters);
  const visible = new Set(context.catalog.teams.map((team) => team.id));
  const teams = (await listTeamOverview(db, reportFiltersOf(filters).range)).filter((team) =>
    visible.has(team.id),
  );
  return (
    <div className="team-page">
      <h1>Teams</h1>
      <p className="lede">
        Pick a team to see each person's load and burnout risk, how evenly the rota shares it, and
        when the pager goes off.
      </p>
      <FilterBar filters={filters} catalog={context.catalog} mode="range" />
      <TeamList teams={teams} filters={filters} />
    </div>
  );
}

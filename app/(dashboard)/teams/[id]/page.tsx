import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatCount } from "@/lib/client/format";
import { requirePageViewer } from "@/lib/server/access/page-viewer";
import { resolveDashboardFilters } from "@/lib/server/dashboard/dashboard-defaults";
import { reportFiltersOf } from "@/lib/server/dashboard/dashboard-responses";
import { getDb } from "@/lib/server/db";
import { listCatalog } from "@/lib/server/queries/list-catalog";
import { listTeamOverview } from "@/lib/server/queries/list-team-overview";
import { dashboardQueryString, type SearchParamsRecord } from "@/lib/shared/dashboard-filters";
import { AccessDenied } from "../../_components/access-denied";
import { FilterBar } from "../../_components/filter-bar";
import { rangeFiltersOf } from "../_components/range-filters";
import { TeamScreen } from "../_components/team-screen";
import "../teams.css";

export const dynamic = "force-dynamic";

interface TeamPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParamsRecord>;
}

/** The team a path names by its database id; undefined for anything else. */
function teamOf<Team extends { id: number }>(teams: Team[], id: string): Team | undefined {
  return /^\d{1,9}$/.test(id) ? teams.find((team) => team.id === Number(id)) : undefined;
}

export async function generateMetadata({ params }: TeamPageProps): Promise<Metadata> {
  const context = await resolveDashboardFilters(getDb(), {}, await requirePageViewer());
  const team = teamOf(context.catalog.teams, (await params).id);
  return { title: `${team ? team.name : "Team not found"} · Fairshift` };
}

export default async function TeamPage({ params, searchParams }: TeamPageProps) {
  const db = getDb();
  const viewer = await requirePageViewer();
  const [{ id }, context] = await Promise.all([
    params,
    searchParams.then((search) => resolveDashboardFilters(db, search, viewer)),
  ]);
  const team = teamOf(context.catalog.teams, id);
  if (!team) {
    // The catalog holds only the viewer's teams: tell apart "not yours" from "no such team".
    const existing = teamOf((await listCatalog(db)).teams, id);
    if (!existing) notFound();
    return <AccessDenied message="You have no access to this team." />;
  }
  const filters = rangeFiltersOf(context.filters);
  // Counts only (cheap SQL); the per-person report loads in the browser with its skeletons.
  const overview = (await listTeamOverview(db, reportFiltersOf(filters).range)).find(
    (row) => row.id === team.id,
  );
  return (
    <div className="team-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/teams?${dashboardQueryString(filters)}`}>Teams</Link> ›
      </nav>
      <div className="page-heading">
        <h1>{team.name}</h1>
        {overview ? (
          <p className="hint" data-testid="team-counts">
            {formatCount(overview.people)} members · {formatCount(overview.onCallPeople)} on call in
            this period · {formatCount(overview.services)} services ·{" "}
            {formatCount(overview.incidents)} incidents in this period
          </p>
        ) : null}
      </div>
      <p className="lede">
        Load, burnout risk and fairness for {team.name}: the numbers of{" "}
        <code>fairshift report --team &quot;{team.name}&quot;</code> for this period.
      </p>
      <FilterBar filters={filters} catalog={context.catalog} mode="range" />
      <TeamScreen filters={{ ...filters, team: team.name }} />
    </div>
  );
}

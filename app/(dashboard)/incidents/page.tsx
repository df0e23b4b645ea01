import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { incidentListQueryOptions } from "@/lib/client/incidents";
import { requirePageViewer } from "@/lib/server/access/page-viewer";
import { resolveDashboardFilters } from "@/lib/server/dashboard/dashboard-defaults";
import { seedQuery } from "@/lib/server/dashboard/dashboard-responses";
import { getDb } from "@/lib/server/db";
import { listIncidents } from "@/lib/server/queries/list-incidents";
import type { SearchParamsRecord } from "@/lib/shared/dashboard-filters";
import {
  incidentListParams,
  incidentListQuerySchema,
  readIncidentListFilters,
} from "@/lib/shared/incident-requests";
import { AccessDenied } from "../_components/access-denied";
import { IncidentListScreen } from "./_components/incident-list-screen";
import "./incidents.css";

// Reads the database on every request; nothing here can be prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata = { title: "Incidents · Fairshift" };

export default async function IncidentsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  const params = await searchParams;
  const db = getDb();
  const { filters, catalog, denied } = await resolveDashboardFilters(
    db,
    params,
    await requirePageViewer(),
  );
  if (denied) return <AccessDenied message={denied} />;
  const list = readIncidentListFilters(params);
  const client = new QueryClient();
  // The same function the API answers with, so the first paint equals what the browser fetches.
  const query = incidentListQuerySchema.parse({ ...filters, ...incidentListParams(list) });
  seedQuery(client, incidentListQueryOptions(filters, list), await listIncidents(db, query));
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <IncidentListScreen filters={filters} catalog={catalog} list={list} />
    </HydrationBoundary>
  );
}

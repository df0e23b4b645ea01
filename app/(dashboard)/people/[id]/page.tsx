import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { personActivityQueryOptions, personTimeInLieuQueryOptions } from "@/lib/client/people";
import { findPerson } from "@/lib/server/access/authorize";
import { requirePageViewer } from "@/lib/server/access/page-viewer";
import { resolveDashboardFilters } from "@/lib/server/dashboard/dashboard-defaults";
import { reportFiltersOf, seedQuery } from "@/lib/server/dashboard/dashboard-responses";
import { getDb } from "@/lib/server/db";
import { getPersonActivity } from "@/lib/server/queries/get-person-activity";
import { getPersonTimeInLieu } from "@/lib/server/queries/get-person-time-in-lieu";
import { seesPerson } from "@/lib/shared/access-policy";
import type { SearchParamsRecord } from "@/lib/shared/dashboard-filters";
import { PersonScreen } from "../_components/person-screen";
import "../people.css";

// Reads the database on every request; nothing here can be prerendered at build time.
export const dynamic = "force-dynamic";

interface PersonPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParamsRecord>;
}

/** The path segment as typed (an e-mail may arrive as `a%40b.com`); a malformed escape stays. */
function personKeyOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// One load per request, shared by generateMetadata and the page (the query string is the key).
const loadPerson = cache(async (personKey: string, query: string) => {
  const db = getDb();
  const viewer = await requirePageViewer();
  // Someone the viewer may not see is "not found", as the API answers, so names cannot be probed.
  const person = await findPerson(db, personKey);
  if (!person || !seesPerson(viewer, person))
    return { filters: null, catalog: null, activity: null, ledger: null };
  const resolved = await resolveDashboardFilters(
    db,
    Object.fromEntries(new URLSearchParams(query)),
    viewer,
  );
  // The person screen has no team filter; the default team of a team-scoped viewer does not apply.
  const filters = { ...resolved.filters, team: undefined };
  const catalog = resolved.catalog;
  const { range, timeZone } = reportFiltersOf(filters);
  // One person: cheap enough to paint on the server, unlike the whole report.
  const [activity, ledger] = await Promise.all([
    getPersonActivity(db, personKey, { range, timeZone }),
    getPersonTimeInLieu(db, personKey, range.end, { viewer }),
  ]);
  return { filters, catalog, activity, ledger };
});

async function load({ params, searchParams }: PersonPageProps) {
  const personKey = personKeyOf((await params).id);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      query.append(key, item);
    }
  }
  query.sort();
  return { personKey, ...(await loadPerson(personKey, query.toString())) };
}

export async function generateMetadata(props: PersonPageProps): Promise<Metadata> {
  const { activity } = await load(props);
  return { title: `${activity?.person.name ?? "Person not found"} · Fairshift` };
}

export default async function PersonPage(props: PersonPageProps) {
  const { personKey, filters, catalog, activity, ledger } = await load(props);
  if (!activity || !filters || !catalog) notFound();
  const client = new QueryClient();
  seedQuery(client, personActivityQueryOptions(personKey, filters), activity);
  if (ledger) {
    seedQuery(
      client,
      personTimeInLieuQueryOptions(personKey, { asOf: filters.to, tz: filters.tz }),
      ledger,
    );
  }
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <PersonScreen personKey={personKey} filters={filters} catalog={catalog} />
    </HydrationBoundary>
  );
}

import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { incidentDetailQueryOptions } from "@/lib/client/incidents";
import { requirePageViewer } from "@/lib/server/access/page-viewer";
import { seedQuery } from "@/lib/server/dashboard/dashboard-responses";
import { getDb } from "@/lib/server/db";
import { getIncidentDetail } from "@/lib/server/queries/get-incident-detail";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { seesAnyTeam } from "@/lib/shared/access-policy";
import type { SearchParamsRecord } from "@/lib/shared/dashboard-filters";
import { isKnownTimeZone } from "@/lib/shared/time-zone";
import { AccessDenied } from "../../_components/access-denied";
import { IncidentDetailScreen } from "../_components/incident-detail-screen";
import "../incidents.css";

export const dynamic = "force-dynamic";

interface IncidentPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParamsRecord>;
}

// Metadata and the page read the same incident once per request.
const loadIncident = cache((identifier: string) => getIncidentDetail(getDb(), identifier));

// The list's filters travel with the link, so "back" returns to the same page of the list.
const LIST_KEYS = [
  "from",
  "to",
  "tz",
  "team",
  "service",
  "urgency",
  "status",
  "source",
  "q",
  "page",
];

// A PagerDuty id typed into the address arrives percent-encoded; a stray % is taken as typed.
function identifierOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function listQueryOf(params: SearchParamsRecord): string {
  const query = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const value = params[key];
    const text = Array.isArray(value) ? value.at(-1) : value;
    if (text) query.set(key, text);
  }
  return query.toString();
}

export async function generateMetadata({ params }: IncidentPageProps): Promise<Metadata> {
  const detail = await loadIncident(identifierOf((await params).id));
  if (!detail) return { title: "Incident not found · Fairshift" };
  const name = detail.number !== null ? `#${detail.number}` : detail.pagerdutyId;
  return { title: `${name} ${detail.title} · Fairshift` };
}

export default async function IncidentPage({ params, searchParams }: IncidentPageProps) {
  const identifier = identifierOf((await params).id);
  const query = await searchParams;
  const viewer = await requirePageViewer();
  const detail = await loadIncident(identifier);
  if (!detail) notFound();
  const teams = await getDb().incidentTeam.findMany({
    where: { incidentId: detail.id },
    select: { teamId: true },
  });
  if (
    !seesAnyTeam(
      viewer,
      teams.map((team) => team.teamId),
    )
  ) {
    return <AccessDenied message="This incident belongs to teams you have no role in." />;
  }
  const listQuery = listQueryOf(query);
  // A PagerDuty id (or a padded number) resolves to the one address of the incident.
  if (identifier !== String(detail.id)) {
    redirect(`/incidents/${detail.id}${listQuery ? `?${listQuery}` : ""}`);
  }
  const requestedZone = typeof query.tz === "string" ? query.tz : undefined;
  const tz =
    requestedZone && isKnownTimeZone(requestedZone)
      ? requestedZone
      : (await getMetricSettings(getDb())).accountTimeZone;
  const client = new QueryClient();
  seedQuery(client, incidentDetailQueryOptions(detail.id), detail);
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <IncidentDetailScreen
        id={detail.id}
        tz={tz}
        listHref={listQuery ? `/incidents?${listQuery}` : "/incidents"}
      />
    </HydrationBoundary>
  );
}

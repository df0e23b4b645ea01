import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type {
  IncidentDetail,
  IncidentDuration,
  IncidentTimelineItem,
} from "@/lib/server/queries/get-incident-detail";
import type { IncidentListPage, IncidentListRow } from "@/lib/server/queries/list-incidents";
import { type DashboardFilters, dashboardQueryString } from "@/lib/shared/dashboard-filters";
import {
  type IncidentListFilters,
  incidentListParams,
  type UpdateIncidentRequest,
} from "@/lib/shared/incident-requests";
import { fetchJson } from "./fetch-json";
import { filtersKey } from "./metrics";

export type {
  IncidentDetail,
  IncidentDuration,
  IncidentListPage,
  IncidentListRow,
  IncidentTimelineItem,
};

/** `GET /api/incidents`: a page of the incidents in the filters, newest first, with the total. */
export function incidentListQueryOptions(filters: DashboardFilters, list: IncidentListFilters) {
  return queryOptions({
    queryKey: [
      "incidents",
      "list",
      {
        ...filtersKey(filters),
        status: list.status ?? null,
        source: list.source ?? null,
        q: list.q ?? null,
        page: list.page,
      },
    ],
    queryFn: () =>
      fetchJson<IncidentListPage>(
        `/api/incidents?${dashboardQueryString(filters, incidentListParams(list))}`,
      ),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/incidents/{id}`: one incident, its clock, detection and timeline. */
export function incidentDetailQueryOptions(id: number) {
  return queryOptions({
    queryKey: ["incidents", "detail", id],
    queryFn: () => fetchJson<IncidentDetail>(`/api/incidents/${id}`),
  });
}

/** `PATCH /api/incidents/{id}`: the impact start and the detection override; answers the new detail. */
export function updateIncident(
  id: number,
  request: UpdateIncidentRequest,
): Promise<IncidentDetail> {
  return fetchJson<IncidentDetail>(`/api/incidents/${id}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
}

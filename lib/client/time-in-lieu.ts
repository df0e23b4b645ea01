import { queryOptions } from "@tanstack/react-query";
import type {
  AdjustmentRequest,
  AdjustmentResponse,
  ClaimDecisionRequest,
  ClaimResponse,
  ClaimsQuery,
  ClaimsResponse,
  LedgerHistoryResponse,
  MarkNotificationsReadRequest,
  MarkNotificationsReadResponse,
  NotificationsResponse,
  SubmitClaimRequest,
} from "@/lib/shared/time-in-lieu-api";
import { fetchJson, postJson } from "./fetch-json";

/**
 * The time-in-lieu workflow's endpoints for the screens: one queryOptions per GET and a fetch
 * function per POST. The ledger itself (GET /api/people/{person}/time-in-lieu) is
 * `personTimeInLieuQueryOptions` in ./people.ts, under the key ["people", person, …].
 */

export type * from "@/lib/shared/time-in-lieu-api";
export type { PersonTimeInLieuResponse } from "./people";

/** Every claims list starts with this key: a claim or decision refreshes them all. */
export const CLAIMS_KEY = ["time-in-lieu", "claims"] as const;
export const NOTIFICATIONS_KEY = ["notifications"] as const;

const personPath = (personKey: string) =>
  `/api/people/${encodeURIComponent(personKey)}/time-in-lieu`;

/** `GET /api/time-in-lieu/claims?status=`: the approval queue (an engineer: their own claims). */
export function claimsQueryOptions(status: ClaimsQuery["status"] = "pending") {
  return queryOptions({
    queryKey: [...CLAIMS_KEY, { status }],
    queryFn: () =>
      fetchJson<ClaimsResponse>(`/api/time-in-lieu/claims?${new URLSearchParams({ status })}`),
  });
}

/** `GET /api/people/{person}/time-in-lieu/history`: the ledger's audit trail, newest first. */
export function ledgerHistoryQueryOptions(personKey: string) {
  return queryOptions({
    queryKey: ["people", personKey, "time-in-lieu-history"],
    queryFn: () => fetchJson<LedgerHistoryResponse>(`${personPath(personKey)}/history`),
  });
}

/** `GET /api/notifications`: polled each minute so the bell's count stays current. */
export function notificationsQueryOptions() {
  return queryOptions({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: () => fetchJson<NotificationsResponse>("/api/notifications"),
    refetchInterval: 60_000,
  });
}

/** `POST …/claims`: give one `requestId` (crypto.randomUUID()) per form, kept across retries. */
export function submitClaim(
  personKey: string,
  request: SubmitClaimRequest,
): Promise<ClaimResponse> {
  return postJson(`${personPath(personKey)}/claims`, request);
}

/** `POST /api/time-in-lieu/claims/{id}/decision`: a rejection needs a comment. */
export function decideClaim(
  claimId: number,
  request: ClaimDecisionRequest,
): Promise<ClaimResponse> {
  return postJson(`/api/time-in-lieu/claims/${claimId}/decision`, request);
}

/** `POST …/adjustments`: signed hours and a reason. */
export function addAdjustment(
  personKey: string,
  request: AdjustmentRequest,
): Promise<AdjustmentResponse> {
  return postJson(`${personPath(personKey)}/adjustments`, request);
}

/** `POST /api/notifications/read`: these ids, or all when omitted. */
export function markNotificationsRead(
  request: MarkNotificationsReadRequest = {},
): Promise<MarkNotificationsReadResponse> {
  return postJson("/api/notifications/read", request);
}

/** The payroll CSV's address, for a download link (the browser sends the session cookie). */
export function timeInLieuExportUrl(query: {
  from: string;
  to: string;
  tz: string;
  team?: string;
}): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, tz: query.tz });
  if (query.team) params.set("team", query.team);
  return `/api/time-in-lieu/export?${params}`;
}

import { queryOptions } from "@tanstack/react-query";
import type {
  AccountResponse,
  AccountsResponse,
  NewAccountRequest,
  RoleChangeRequest,
} from "@/lib/shared/accounts-api";
import { fetchJson, postJson } from "./fetch-json";

export type * from "@/lib/shared/accounts-api";
export const ACCOUNTS_KEY = ["accounts"] as const;

/** `GET /api/accounts` */
export function accountsQueryOptions() {
  return queryOptions({
    queryKey: ACCOUNTS_KEY,
    queryFn: () => fetchJson<AccountsResponse>("/api/accounts"),
  });
}

export function createAccountRequest(request: NewAccountRequest): Promise<AccountResponse> {
  return postJson("/api/accounts", request);
}

export function changeRole(
  accountId: string,
  request: RoleChangeRequest,
): Promise<AccountResponse> {
  return postJson(`/api/accounts/${encodeURIComponent(accountId)}/roles`, request);
}

import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type {
  PersonActivity,
  PersonActivityCallOut,
  PersonActivityInterruption,
  PersonActivityShift,
} from "@/lib/server/queries/get-person-activity";
import type { PersonTimeInLieu } from "@/lib/server/queries/get-person-time-in-lieu";
import type { DashboardFilters } from "@/lib/shared/dashboard-filters";
import { fetchJson } from "./fetch-json";

export type {
  PersonActivity,
  PersonActivityCallOut,
  PersonActivityInterruption,
  PersonActivityShift,
};

/** A value as JSON carries it: instants become ISO strings. */
type Json<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [Key in keyof T]: Json<T[Key]> }
      : T;

/** The time-in-lieu ledger as `GET /api/people/{person}/time-in-lieu` answers it. */
export type PersonTimeInLieuResponse = Json<PersonTimeInLieu>;

const personPath = (personKey: string) => `/api/people/${encodeURIComponent(personKey)}`;

/**
 * `GET /api/people/{person}/activity?from&to&tz`: the person's report row, shifts, on-call days,
 * interruptions and call-outs. `personKey` is the id, PagerDuty id or e-mail as the URL holds it.
 */
export function personActivityQueryOptions(
  personKey: string,
  filters: Pick<DashboardFilters, "from" | "to" | "tz">,
) {
  const range = { from: filters.from, to: filters.to, tz: filters.tz };
  return queryOptions({
    queryKey: ["people", personKey, "activity", range],
    queryFn: () =>
      fetchJson<PersonActivity>(
        `${personPath(personKey)}/activity?${new URLSearchParams(range).toString()}`,
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * `GET /api/people/{person}/time-in-lieu?asOf&tz`: the ledger as of a local date (the screen's
 * range end, as a report states it), every line with its rule and running balance.
 */
export function personTimeInLieuQueryOptions(
  personKey: string,
  { asOf, tz }: { asOf: string; tz: string },
) {
  return queryOptions({
    queryKey: ["people", personKey, "time-in-lieu", { asOf, tz }],
    queryFn: () =>
      fetchJson<PersonTimeInLieuResponse>(
        `${personPath(personKey)}/time-in-lieu?${new URLSearchParams({ asOf, tz }).toString()}`,
      ),
    placeholderData: keepPreviousData,
  });
}

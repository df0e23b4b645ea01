import { queryOptions } from "@tanstack/react-query";
import type { TimeInLieuPolicy } from "@/lib/metrics/time-in-lieu";
import type { DatedTimeInLieuPolicy } from "@/lib/metrics/time-in-lieu-policies";
import type { DeleteHolidayOverridesResult } from "@/lib/server/queries/delete-holiday-override";
import type { HolidaySettings } from "@/lib/server/queries/list-holiday-settings";
import type { SaveHolidayOverrideResult } from "@/lib/server/queries/save-holiday-override";
import type { SaveMetricSettingsResult } from "@/lib/server/queries/save-metric-settings";
import type { SaveTimeInLieuPolicyResult } from "@/lib/server/queries/save-time-in-lieu-policy";
import type { DeriveAccrualsResult } from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import type { MetricSettings, MetricSettingsInput } from "@/lib/shared/metric-settings";
import type {
  SaveHolidayOverrideRequest,
  SaveTimeInLieuPolicyRequest,
} from "@/lib/shared/settings-requests";
import { fetchJson, postJson } from "./fetch-json";
import { formatCount } from "./format";

export type { HolidaySettings, MetricSettings };
export type HolidayOverrideRow = HolidaySettings["overrides"][number];
/** As JSON carries it: the effective date is an ISO instant. */
export type TimeInLieuPolicyVersion = Omit<DatedTimeInLieuPolicy, "effectiveFrom"> & {
  effectiveFrom: string;
};

export interface MetricSettingsResponse {
  settings: MetricSettings;
  defaults: MetricSettings;
}

export interface TimeInLieuPoliciesResponse {
  policies: TimeInLieuPolicyVersion[];
  teams: { id: number; name: string }[];
  defaults: TimeInLieuPolicy;
  accountTimeZone: string;
}

/** Every settings query starts with this key, so a save can refresh them all. */
export const SETTINGS_KEY = ["settings"] as const;

export function metricSettingsQueryOptions() {
  return queryOptions({
    queryKey: [...SETTINGS_KEY, "metrics"],
    queryFn: () => fetchJson<MetricSettingsResponse>("/api/settings/metrics"),
  });
}

export function holidaySettingsQueryOptions(region: string | null, year: number) {
  const params = new URLSearchParams({ year: String(year) });
  if (region) params.set("region", region);
  return queryOptions({
    queryKey: [...SETTINGS_KEY, "holidays", { region, year }],
    queryFn: () => fetchJson<HolidaySettings>(`/api/settings/holidays?${params}`),
  });
}

export function timeInLieuPoliciesQueryOptions() {
  return queryOptions({
    queryKey: [...SETTINGS_KEY, "time-in-lieu-policies"],
    queryFn: () => fetchJson<TimeInLieuPoliciesResponse>("/api/settings/time-in-lieu-policies"),
  });
}

/** `PUT /api/settings/metrics`: the submitted sections are saved over the stored ones. */
export function saveMetricSettings(input: MetricSettingsInput): Promise<SaveMetricSettingsResult> {
  return fetchJson("/api/settings/metrics", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
}

export function saveHolidayOverride(
  request: SaveHolidayOverrideRequest,
): Promise<SaveHolidayOverrideResult> {
  return postJson("/api/settings/holidays", request);
}

export function deleteHolidayOverride(id: number): Promise<DeleteHolidayOverridesResult> {
  return fetchJson(`/api/settings/holidays/${id}`, { method: "DELETE" });
}

export function resetHolidayRegion(region: string): Promise<DeleteHolidayOverridesResult> {
  return fetchJson(`/api/settings/holidays?region=${encodeURIComponent(region)}`, {
    method: "DELETE",
  });
}

export function saveTimeInLieuPolicy(
  request: SaveTimeInLieuPolicyRequest,
): Promise<SaveTimeInLieuPolicyResult> {
  return postJson("/api/settings/time-in-lieu-policies", request);
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${formatCount(count)} ${count === 1 ? one : many}`;

/** "Time in lieu re-derived: 37 accruals for 12 people (3 new, 5 changed, 1 removed)." */
export function describeRederivation(result: DeriveAccrualsResult): string {
  const changes = [
    result.inserted > 0 ? `${formatCount(result.inserted)} new` : null,
    result.updated > 0 ? `${formatCount(result.updated)} changed` : null,
    result.deleted > 0 ? `${formatCount(result.deleted)} removed` : null,
  ].filter((part) => part !== null);
  return (
    `Time in lieu re-derived: ${plural(result.accruals, "accrual")} for ` +
    `${plural(result.people, "person", "people")} ` +
    `(${changes.length > 0 ? changes.join(", ") : "none changed"}).`
  );
}

/** What a metric settings save changed in the stored numbers, one sentence per effect. */
export function describeMetricSettingsSave(result: SaveMetricSettingsResult): string[] {
  const lines: string[] = [];
  if (result.detectionRecomputed) {
    const { changed, examined } = result.detectionRecomputed;
    lines.push(
      `Detection re-labelled ${plural(changed, "incident")} (of ${formatCount(examined)} examined).`,
    );
  }
  if (result.timeInLieuRederived) lines.push(describeRederivation(result.timeInLieuRederived));
  if (lines.length === 0) {
    lines.push("Saved. Reports use these settings from now on; nothing stored needed re-deriving.");
  }
  return lines;
}

/**
 * The API's 400 message ("hourBands.businessEndHour: … ; detection.testPattern: …") split by the
 * field it names, so each message can stand next to its input. Text without a field stays under "".
 */
export function messagesByField(message: string): Map<string, string> {
  const byField = new Map<string, string>();
  for (const part of message.split(/; (?=[\w.]+: )/)) {
    const match = /^([\w.]+): ([\s\S]*)$/.exec(part);
    const field = match?.[1] ?? "";
    const text = match?.[2] ?? part;
    byField.set(field, byField.has(field) ? `${byField.get(field)} ${text}` : text);
  }
  return byField;
}

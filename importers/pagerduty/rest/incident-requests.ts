/** Per-incident requests of the sync: one incident again, and its custom field values. */
import type { PagerDutyClient } from "./pagerduty-client";
import { PagerDutyRequestError } from "./pagerduty-errors";

/** How many per-incident requests are in flight at once (the rate limiter still paces them). */
export const PER_INCIDENT_CONCURRENCY = 4;

/** GET /incidents/{id}; null when PagerDuty no longer has it (404). */
export async function fetchIncident(
  client: PagerDutyClient,
  id: string,
  signal: AbortSignal | undefined,
): Promise<Record<string, unknown> | null> {
  try {
    const body = await client.get(`/incidents/${encodeURIComponent(id)}`, {}, { signal });
    const incident = isRecord(body) ? body.incident : undefined;
    return isRecord(incident) ? incident : null;
  } catch (error) {
    if (error instanceof PagerDutyRequestError && error.status === 404) return null;
    throw error;
  }
}

export interface CustomFieldValue {
  name: string;
  value: unknown;
}

/**
 * The incident's custom fields as `[{ name, value }]`, the shape a REST dump embeds them in
 * (`impact_started_at`, `started_at`, …). An incident or account without custom fields gives [].
 */
export async function fetchCustomFieldValues(
  client: PagerDutyClient,
  id: string,
  signal: AbortSignal | undefined,
): Promise<CustomFieldValue[]> {
  let body: unknown;
  try {
    body = await client.get(
      `/incidents/${encodeURIComponent(id)}/custom_fields/values`,
      {},
      { signal },
    );
  } catch (error) {
    if (error instanceof PagerDutyRequestError && error.status === 404) return [];
    throw error;
  }
  const fields = isRecord(body) ? body.custom_fields : undefined;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((field) =>
    isRecord(field) && typeof field.name === "string"
      ? [{ name: field.name, value: field.value ?? null }]
      : [],
  );
}

/** A PagerDuty object's or reference's `id`. */
export function objectIdOf(object: unknown): string | null {
  return isRecord(object) && typeof object.id === "string" ? object.id : null;
}

/** The incident a log entry belongs to (`incident.id`). */
export function logEntryIncidentId(entry: unknown): string | null {
  return isRecord(entry) ? objectIdOf(entry.incident) : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type {
  WebhookDeliveryPage,
  WebhookDeliveryRow,
} from "@/lib/server/queries/list-webhook-deliveries";
import type { WebhookSecretRow, WebhookSecrets } from "@/lib/server/queries/list-webhook-secrets";
import type {
  SaveWebhookSecretRequest,
  WebhookDeliveryFilters,
} from "@/lib/shared/webhook-requests";
import { fetchJson, postJson } from "./fetch-json";

export type { WebhookDeliveryRow, WebhookSecretRow, WebhookSecrets };
export type WebhookDeliveriesResponse = WebhookDeliveryPage & { eventTypes: string[] };

/** `GET /api/webhooks/deliveries`; polled so a delivery shows up within seconds of arriving. */
export function webhookDeliveriesQueryOptions(
  filters: WebhookDeliveryFilters & { before?: number },
) {
  // Normalised so that "unset" and "" share one cache entry.
  const normalised = {
    verdict: filters.verdict ?? null,
    eventType: filters.eventType || null,
    incident: filters.incident?.trim() || null,
    before: filters.before ?? null,
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(normalised)) {
    if (value !== null) params.set(key, String(value));
  }
  const query = params.size > 0 ? `?${params}` : "";
  return queryOptions({
    queryKey: ["webhooks", "deliveries", normalised],
    queryFn: () => fetchJson<WebhookDeliveriesResponse>(`/api/webhooks/deliveries${query}`),
    refetchInterval: 5_000,
    // Keep the last page on screen while another filter's page loads.
    placeholderData: keepPreviousData,
  });
}

export function webhookSecretsQueryOptions() {
  return queryOptions({
    queryKey: ["webhooks", "secrets"],
    queryFn: () => fetchJson<WebhookSecrets>("/api/webhooks/secrets"),
  });
}

export function saveWebhookSecret(request: SaveWebhookSecretRequest): Promise<WebhookSecretRow> {
  return postJson("/api/webhooks/secrets", request);
}

export function revokeWebhookSecret(id: number): Promise<{ revoked: number }> {
  return fetchJson(`/api/webhooks/secrets/${id}`, { method: "DELETE" });
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function humanise(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();
}

function describeValue(value: unknown, formatInstant: (iso: string) => string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return isoInstant.test(value) ? formatInstant(value) : value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export interface DescribedChanges {
  /** "status: triggered → resolved", one per changed field. */
  fields: string[];
  /** The log entry the event added, e.g. "acknowledge_log_entry by Ben". */
  logEntry: string | null;
  /** The incident as the event described it, for deliveries whose incident is not imported. */
  incidentTitle: string | null;
}

/**
 * Reads a delivery's `changes` (WebhookDeliveryChanges) defensively: anything missing or of an
 * unexpected shape is left out rather than breaking the delivery log.
 */
export function describeChanges(
  changes: unknown,
  formatInstant: (iso: string) => string,
): DescribedChanges {
  const described: DescribedChanges = { fields: [], logEntry: null, incidentTitle: null };
  // The applier stores one entry per applied event (a legacy v2 body may hold several).
  if (Array.isArray(changes)) {
    for (const part of changes.map((change) => describeChanges(change, formatInstant))) {
      described.fields.push(...part.fields);
      if (part.logEntry) {
        described.logEntry = described.logEntry
          ? `${described.logEntry}; ${part.logEntry}`
          : part.logEntry;
      }
      described.incidentTitle ??= part.incidentTitle;
    }
    return described;
  }
  if (!isRecord(changes)) return described;
  if (typeof changes.logEntry === "string" && changes.logEntry !== "") {
    described.logEntry = changes.logEntry;
  }
  const incident = changes.incident;
  if (!isRecord(incident)) return described;
  if (typeof incident.title === "string" && incident.title !== "") {
    described.incidentTitle = incident.title;
  }
  if (!isRecord(incident.fields)) return described;
  for (const [field, change] of Object.entries(incident.fields)) {
    const { before, after } = isRecord(change) ? change : { before: undefined, after: change };
    described.fields.push(
      `${humanise(field)}: ${describeValue(before, formatInstant)} → ${describeValue(after, formatInstant)}`,
    );
  }
  return described;
}

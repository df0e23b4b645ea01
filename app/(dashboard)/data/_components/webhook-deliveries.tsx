"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  describeChanges,
  type WebhookDeliveryRow,
  webhookDeliveriesQueryOptions,
} from "@/lib/client/webhooks";
import {
  WEBHOOK_VERDICTS,
  type WebhookDeliveryFilters,
  type WebhookVerdict,
} from "@/lib/shared/webhook-requests";

type FilterName = keyof WebhookDeliveryFilters;

const receivedFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
});
const timeOfDayFormat = new Intl.DateTimeFormat("en-GB", { timeStyle: "medium" });
const dayFormat = new Intl.DateTimeFormat("en-CA", { dateStyle: "short" });

const isVerdict = (value: string | null): value is WebhookVerdict =>
  (WEBHOOK_VERDICTS as readonly (string | null)[]).includes(value);

/** The filters as the URL holds them; an unknown verdict reads as no filter. */
function readFilters(params: URLSearchParams): WebhookDeliveryFilters {
  const verdict = params.get("verdict");
  return {
    verdict: isVerdict(verdict) ? verdict : undefined,
    eventType: params.get("eventType") || undefined,
    incident: params.get("incident")?.trim() || undefined,
  };
}

/** The webhook delivery log: what PagerDuty sent, what Fairshift made of it, and what changed. */
export function WebhookDeliveries() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = readFilters(new URLSearchParams(searchParams.toString()));
  const filterKey = JSON.stringify(filters);

  // The `before` cursors of the older pages opened, newest first; a filter change starts over.
  const [paging, setPaging] = useState<{ filterKey: string; cursors: number[] }>({
    filterKey,
    cursors: [],
  });
  const cursors = paging.filterKey === filterKey ? paging.cursors : [];
  const deliveries = useQuery(
    webhookDeliveriesQueryOptions({ ...filters, before: cursors.at(-1) }),
  );

  const [incidentText, setIncidentText] = useState(filters.incident ?? "");
  const incidentTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(incidentTimer.current), []);

  function setFilter(name: FilterName, value: string) {
    // Read the URL as it is now: a debounced change may land after another filter changed.
    const params = new URLSearchParams(window.location.search);
    if (value) params.set(name, value);
    else params.delete(name);
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  function changeIncident(value: string) {
    setIncidentText(value);
    clearTimeout(incidentTimer.current);
    incidentTimer.current = setTimeout(() => setFilter("incident", value.trim()), 400);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(incidentTimer.current);
    setFilter("incident", incidentText.trim());
  }

  const eventTypes = deliveries.data?.eventTypes ?? [];
  const eventTypeOptions =
    filters.eventType && !eventTypes.includes(filters.eventType)
      ? [filters.eventType, ...eventTypes]
      : eventTypes;
  const hasFilters = Boolean(filters.verdict || filters.eventType || filters.incident);

  return (
    <div className="webhook-deliveries">
      <form className="delivery-filters" onSubmit={submit} aria-label="Filter deliveries">
        <label>
          Verdict
          <select
            value={filters.verdict ?? ""}
            onChange={(event) => setFilter("verdict", event.target.value)}
          >
            <option value="">All verdicts</option>
            {WEBHOOK_VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {verdict}
              </option>
            ))}
          </select>
        </label>
        <label>
          Event type
          <select
            value={filters.eventType ?? ""}
            onChange={(event) => setFilter("eventType", event.target.value)}
          >
            <option value="">All event types</option>
            {eventTypeOptions.map((eventType) => (
              <option key={eventType} value={eventType}>
                {eventType}
              </option>
            ))}
          </select>
        </label>
        <label>
          Incident (number or PagerDuty id)
          <input
            type="search"
            value={incidentText}
            maxLength={100}
            placeholder="e.g. 1234 or Q1ABCDEF"
            onChange={(event) => changeIncident(event.target.value)}
          />
        </label>
      </form>

      {deliveries.isPending && <p aria-busy="true">Loading deliveries…</p>}
      {deliveries.isError && (
        <p role="alert" className="error">
          Deliveries could not be loaded: {deliveries.error.message}
        </p>
      )}
      {deliveries.data && deliveries.data.deliveries.length === 0 && (
        <p className="empty">
          {hasFilters || cursors.length > 0
            ? "No deliveries match these filters."
            : "No deliveries yet. Once PagerDuty sends an event, it appears here within seconds."}
        </p>
      )}
      {deliveries.data && deliveries.data.deliveries.length > 0 && (
        <div className="table-scroll" aria-busy={deliveries.isPlaceholderData}>
          <table className="delivery-log">
            <caption className="visually-hidden">Webhook deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Event</th>
                <th scope="col">Incident</th>
                <th scope="col">Verdict</th>
                <th scope="col" className="number">
                  HTTP
                </th>
                <th scope="col">What changed</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.deliveries.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deliveries.data && (cursors.length > 0 || deliveries.data.nextBefore !== null) && (
        <div className="pager">
          <button
            type="button"
            disabled={cursors.length === 0}
            onClick={() => setPaging({ filterKey, cursors: cursors.slice(0, -1) })}
          >
            Newer
          </button>
          <button
            type="button"
            disabled={deliveries.data.nextBefore === null || deliveries.isPlaceholderData}
            onClick={() => {
              const nextBefore = deliveries.data.nextBefore;
              if (nextBefore !== null) setPaging({ filterKey, cursors: [...cursors, nextBefore] });
            }}
          >
            Older
          </button>
        </div>
      )}
    </div>
  );
}

function DeliveryRow({ delivery }: { delivery: WebhookDeliveryRow }) {
  const receivedAt = new Date(delivery.receivedAt);
  // Times of the delivery's own day read as a time of day; others keep their date.
  const formatInstant = (iso: string) => {
    const instant = new Date(iso);
    if (Number.isNaN(instant.getTime())) return iso;
    return dayFormat.format(instant) === dayFormat.format(receivedAt)
      ? timeOfDayFormat.format(instant)
      : receivedFormat.format(instant);
  };
  const changes = describeChanges(delivery.changes, formatInstant);
  return (
    <tr data-testid={`webhook-delivery-${delivery.id}`}>
      <td>
        <time dateTime={delivery.receivedAt} title={delivery.receivedAt}>
          {receivedFormat.format(receivedAt)}
        </time>
      </td>
      <td>
        {delivery.eventType ?? "—"}
        {delivery.subscription && <div className="hint">via {delivery.subscription}</div>}
        {delivery.replayedFrom && <div className="hint">replayed from {delivery.replayedFrom}</div>}
      </td>
      <td>
        <IncidentCell delivery={delivery} fallbackTitle={changes.incidentTitle} />
      </td>
      <td>
        <span className={`badge badge-${delivery.verdict}`}>{delivery.verdict}</span>
        {delivery.verdictReason && <div className="hint">{delivery.verdictReason}</div>}
      </td>
      <td className="number">{delivery.statusCode}</td>
      <td>
        {changes.fields.length === 0 && !changes.logEntry ? (
          "—"
        ) : (
          <>
            {changes.fields.length > 0 && <div>{changes.fields.join("; ")}</div>}
            {changes.logEntry && <div className="hint">{changes.logEntry}</div>}
          </>
        )}
      </td>
    </tr>
  );
}

function IncidentCell({
  delivery,
  fallbackTitle,
}: {
  delivery: WebhookDeliveryRow;
  fallbackTitle: string | null;
}) {
  const title = delivery.incidentTitle ?? fallbackTitle;
  const name =
    delivery.incidentNumber !== null ? `#${delivery.incidentNumber} ${title ?? ""}`.trim() : title;
  if (!name && !delivery.incidentPagerdutyId) return <>—</>;
  const label = name ?? <code>{delivery.incidentPagerdutyId}</code>;
  return delivery.incidentId !== null ? (
    <Link href={`/incidents/${delivery.incidentId}`}>{label}</Link>
  ) : (
    label
  );
}

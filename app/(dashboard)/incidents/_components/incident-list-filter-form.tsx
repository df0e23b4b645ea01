"use client";

import { type FormEvent, useEffect, useState } from "react";
import {
  DETECTION_SOURCES,
  type DetectionSource,
  INCIDENT_STATUSES,
  type IncidentListFilters,
  type IncidentStatus,
  MAXIMUM_SEARCH_LENGTH,
} from "@/lib/shared/incident-requests";
import { SOURCE_LABELS, STATUS_LABELS } from "./incident-words";

type ListFilters = Omit<IncidentListFilters, "page">;

/** Status, detection source and text search: the list's own filters, kept in the URL. */
export function IncidentListFilterForm({
  list,
  onChange,
}: {
  list: IncidentListFilters;
  onChange: (next: ListFilters) => void;
}) {
  const [search, setSearch] = useState(list.q ?? "");
  useEffect(() => setSearch(list.q ?? ""), [list.q]);
  const current: ListFilters = { status: list.status, source: list.source, q: list.q };
  const change = (patch: Partial<ListFilters>) => {
    const next = { ...current, ...patch };
    onChange({
      ...(next.status ? { status: next.status } : {}),
      ...(next.source ? { source: next.source } : {}),
      ...(next.q ? { q: next.q } : {}),
    });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change({ q: search.trim() || undefined });
  };
  const hasFilters = Boolean(list.status || list.source || list.q);

  return (
    <form className="filter-bar incident-filters" aria-label="Incident filters" onSubmit={submit}>
      <label>
        Status
        <select
          value={list.status ?? ""}
          onChange={(event) =>
            change({ status: (event.target.value || undefined) as IncidentStatus | undefined })
          }
        >
          <option value="">Any status</option>
          {INCIDENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Detected by
        <select
          value={list.source ?? ""}
          onChange={(event) =>
            change({ source: (event.target.value || undefined) as DetectionSource | undefined })
          }
        >
          <option value="">Any source</option>
          {DETECTION_SOURCES.map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </select>
      </label>
      <label className="incident-search">
        Search
        <input
          type="search"
          value={search}
          maxLength={MAXIMUM_SEARCH_LENGTH}
          placeholder="Title, #number or PagerDuty id"
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      <button type="submit">Search</button>
      {hasFilters ? (
        <button
          type="button"
          className="link"
          onClick={() => {
            setSearch("");
            onChange({});
          }}
        >
          Clear these filters
        </button>
      ) : null}
    </form>
  );
}

"use client";

import { useEffect, useId, useState } from "react";
import { useFilterNavigation } from "@/lib/client/use-dashboard-filters";
import type { Catalog } from "@/lib/server/queries/list-catalog";
import {
  addQuarters,
  type DashboardFilters,
  parseQuarter,
  quarterLabel,
  quarterOf,
  quarterOfRange,
  quarterRange,
} from "@/lib/shared/dashboard-filters";

interface FilterBarProps {
  filters: DashboardFilters;
  catalog: Pick<Catalog, "teams" | "services" | "lastIncidentAt" | "organisationWide">;
  /** Which filters this screen offers besides range and time zone. */
  show?: { team?: boolean; service?: boolean; urgency?: boolean };
  /** "quarter": a quarter picker with a custom-range option; "range": dates only. */
  mode?: "quarter" | "range";
  /** The screen's own URL parameters to carry over when a filter changes (a list's status, say). */
  keep?: Record<string, string | undefined>;
}

const QUARTERS_OFFERED = 12;

/** The quarters a picker offers: the last 12 up to the one the data ends in (or the current one). */
function offeredQuarters(lastIncidentAt: string | null, timeZone: string): string[] {
  const newest = quarterOf(lastIncidentAt ? new Date(lastIncidentAt) : new Date(), timeZone);
  return Array.from({ length: QUARTERS_OFFERED }, (_, index) =>
    quarterLabel(addQuarters(newest, -index)),
  );
}

/**
 * Range, time zone and scope filters. Every change rewrites the URL, so a view is a link; the
 * page's server component reads the URL and renders the new view.
 */
export function FilterBar({
  filters,
  catalog,
  show = {},
  mode = "range",
  keep = {},
}: FilterBarProps) {
  const { navigate, isNavigating } = useFilterNavigation();
  const id = useId();
  const quarter = quarterOfRange(filters);
  const quarters = offeredQuarters(catalog.lastIncidentAt, filters.tz);
  if (quarter && !quarters.includes(quarterLabel(quarter))) quarters.unshift(quarterLabel(quarter));
  const [customRange, setCustomRange] = useState(mode === "range" || quarter === null);
  const [draft, setDraft] = useState({ from: filters.from, to: filters.to, tz: filters.tz });
  // The zone list comes from the browser's ICU; rendered after mount so server and client agree.
  const [zones, setZones] = useState<string[]>([]);
  useEffect(() => setZones(Intl.supportedValuesOf("timeZone")), []);
  useEffect(
    () => setDraft({ from: filters.from, to: filters.to, tz: filters.tz }),
    [filters.from, filters.to, filters.tz],
  );

  // The API accepts a name in any case or a PagerDuty id; the selects show the catalog's name.
  const nameOf = (
    value: string | undefined,
    options: readonly { name: string; pagerdutyId: string | null }[],
  ) =>
    value === undefined
      ? ""
      : (options.find(
          (option) =>
            option.name.toLowerCase() === value.toLowerCase() || option.pagerdutyId === value,
        )?.name ?? value);
  const teamName = nameOf(filters.team, catalog.teams);
  const serviceName = nameOf(filters.service, catalog.services);

  const update = (patch: Partial<DashboardFilters>) => {
    const next: DashboardFilters = { ...filters, ...patch };
    for (const key of ["team", "service", "urgency"] as const) {
      if (!next[key]) delete next[key];
    }
    navigate(next, keep);
  };

  return (
    <form
      className="filter-bar"
      aria-label="Filters"
      aria-busy={isNavigating}
      // Set once the form is interactive, so tests wait for it rather than for a fixed time.
      data-hydrated={zones.length > 0 ? "true" : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.from && draft.to && draft.from < draft.to) update(draft);
      }}
    >
      {mode === "quarter" && !customRange ? (
        <label>
          Quarter
          <select
            value={quarter ? quarterLabel(quarter) : ""}
            onChange={(event) => {
              if (event.target.value === "custom") return setCustomRange(true);
              const picked = parseQuarter(event.target.value);
              if (picked) update(quarterRange(picked));
            }}
          >
            {quarters.map((label) => (
              <option key={label} value={label}>
                {label.replace("-", " ")}
              </option>
            ))}
            <option value="custom">Custom range…</option>
          </select>
        </label>
      ) : (
        <>
          <label>
            From
            <input
              type="date"
              value={draft.from}
              onChange={(event) => setDraft({ ...draft, from: event.target.value })}
              required
            />
          </label>
          <label>
            To (exclusive)
            <input
              type="date"
              value={draft.to}
              onChange={(event) => setDraft({ ...draft, to: event.target.value })}
              required
            />
          </label>
        </>
      )}
      <label>
        Time zone
        <input
          list={`${id}-zones`}
          value={draft.tz}
          onChange={(event) => setDraft({ ...draft, tz: event.target.value })}
          onBlur={() => {
            if (zones.includes(draft.tz) && draft.tz !== filters.tz) update({ tz: draft.tz });
          }}
          spellCheck={false}
          autoComplete="off"
        />
        <datalist id={`${id}-zones`}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </label>
      {show.team ? (
        <label>
          Team
          <select
            value={teamName}
            onChange={(event) => update({ team: event.target.value || undefined })}
          >
            {catalog.organisationWide === false ? null : <option value="">All teams</option>}
            {teamName && !catalog.teams.some((team) => team.name === teamName) ? (
              <option value={teamName}>{teamName} (no such team)</option>
            ) : null}
            {catalog.teams.map((team) => (
              <option key={team.id} value={team.name}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {show.service ? (
        <label>
          Service
          <select
            value={serviceName}
            onChange={(event) => update({ service: event.target.value || undefined })}
          >
            <option value="">All services</option>
            {serviceName && !catalog.services.some((service) => service.name === serviceName) ? (
              <option value={serviceName}>{serviceName} (no such service)</option>
            ) : null}
            {catalog.services.map((service) => (
              <option key={service.id} value={service.name}>
                {service.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {show.urgency ? (
        <label>
          Urgency
          <select
            value={filters.urgency ?? ""}
            onChange={(event) =>
              update({ urgency: (event.target.value || undefined) as DashboardFilters["urgency"] })
            }
          >
            <option value="">Any urgency</option>
            <option value="high">High</option>
            <option value="low">Low</option>
          </select>
        </label>
      ) : null}
      {customRange || mode === "range" ? <button type="submit">Apply</button> : null}
      {mode === "quarter" && customRange ? (
        <button type="button" className="link" onClick={() => setCustomRange(false)}>
          Pick a quarter
        </button>
      ) : null}
    </form>
  );
}

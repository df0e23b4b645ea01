"use client";

import Link from "next/link";
import { useState } from "react";
import { formatCount, formatHours } from "@/lib/client/format";
import type { Report } from "@/lib/client/metrics";
import { formatWeeks, personPath } from "@/lib/client/teams";
import type { DashboardFilters } from "@/lib/shared/dashboard-filters";
import type { MetricId } from "@/lib/shared/metric-definitions";
import { Definition } from "../../_components/definition";

type Person = Report["people"][number];
type SortKey =
  | "name"
  | "onCallHours"
  | "interval"
  | "streak"
  | "business"
  | "off"
  | "sleep"
  | "wakeups"
  | "owed"
  | "restBreaches"
  | "risk";
type Direction = "ascending" | "descending";

const RISK_RANK = { high: 2, medium: 1, low: 0 } as const;
export const RISK_LABEL = { high: "High", medium: "Medium", low: "Low" } as const;

const VALUE: Record<Exclude<SortKey, "name">, (person: Person) => number | null> = {
  onCallHours: (person) => person.onCall.hours,
  interval: (person) => person.onCall.meanIntervalWeeks,
  streak: (person) => person.onCall.longestStreakWeeks,
  business: (person) => person.interruptions.business,
  off: (person) => person.interruptions.off,
  sleep: (person) => person.interruptions.sleep,
  wakeups: (person) => person.wakeups,
  owed: (person) => person.toil.owedHours,
  restBreaches: (person) => person.restBreaches,
  risk: (person) => RISK_RANK[person.burnoutRisk.level],
};

/**
 * People in the chosen order; ties fall back to wake-ups (most first) and then name, so the
 * default — risk, high first — puts the most woken of the high-risk people on top. A missing
 * value (no rotation interval) sorts last either way.
 */
export function sortPeople(people: readonly Person[], key: SortKey, direction: Direction) {
  const sign = direction === "ascending" ? 1 : -1;
  const byName = (a: Person, b: Person) => a.name.localeCompare(b.name);
  return [...people].sort((a, b) => {
    if (key === "name") return sign * byName(a, b);
    const valueA = VALUE[key](a);
    const valueB = VALUE[key](b);
    if (valueA !== valueB) {
      if (valueA === null) return 1;
      if (valueB === null) return -1;
      return sign * (valueA - valueB);
    }
    return b.wakeups - a.wakeups || byName(a, b);
  });
}

interface Column {
  key: SortKey;
  label: string;
  metric?: MetricId;
  /** Under the "Interruptions" group heading. */
  grouped?: boolean;
}

const COLUMNS: Column[] = [
  { key: "risk", label: "Burnout risk", metric: "burnoutRisk" },
  { key: "onCallHours", label: "On-call hours", metric: "onCallHours" },
  { key: "interval", label: "Rotation interval", metric: "rotationInterval" },
  { key: "streak", label: "Longest streak", metric: "streak" },
  { key: "business", label: "Business", grouped: true },
  { key: "off", label: "Off", grouped: true },
  { key: "sleep", label: "Sleep", grouped: true },
  { key: "wakeups", label: "Wake-ups", metric: "wakeups" },
  { key: "owed", label: "TOIL owed", metric: "toilOwed" },
  { key: "restBreaches", label: "Rest breaches", metric: "restBreaches" },
];

function SortableHeader({
  column,
  sort,
  onSort,
  rowSpan,
}: {
  column: Pick<Column, "key" | "label" | "metric">;
  sort: { key: SortKey; direction: Direction };
  onSort: (key: SortKey) => void;
  rowSpan?: number;
}) {
  const active = sort.key === column.key;
  return (
    <th
      scope="col"
      rowSpan={rowSpan}
      aria-sort={active ? sort.direction : "none"}
      className={column.key === "name" || column.key === "risk" ? undefined : "number"}
    >
      <span className="sort-header">
        <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
          {column.label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}
          </span>
        </button>
        {column.metric ? <Definition metric={column.metric} /> : null}
      </span>
    </th>
  );
}

export function RiskBadge({ risk }: { risk: Person["burnoutRisk"] }) {
  return <span className={`risk risk-${risk.level}`}>{RISK_LABEL[risk.level]}</span>;
}

/**
 * The team's people with the report's numbers, highest burnout risk first; every column sorts
 * on a click of its heading.
 */
export function PeopleTable({ people, filters }: { people: Person[]; filters: DashboardFilters }) {
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({
    key: "risk",
    direction: "descending",
  });
  const onSort = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === "ascending" ? "descending" : "ascending" }
        : { key, direction: key === "name" ? "ascending" : "descending" },
    );
  const rows = sortPeople(people, sort.key, sort.direction);
  const grouped = COLUMNS.filter((column) => column.grouped);
  const beforeGroup = COLUMNS.slice(
    0,
    COLUMNS.findIndex((column) => column.grouped),
  );
  const afterGroup = COLUMNS.slice(COLUMNS.findLastIndex((column) => column.grouped) + 1);

  return (
    <div className="table-scroll">
      <table className="team-people" data-testid="people-table">
        <caption>
          People with a page or a shift in this period
          <span className="visually-hidden">
            , sorted by{" "}
            {sort.key === "name"
              ? "name"
              : COLUMNS.find((column) => column.key === sort.key)?.label}{" "}
            {sort.direction}
          </span>
        </caption>
        <thead>
          <tr>
            <SortableHeader
              column={{ key: "name", label: "Person" }}
              sort={sort}
              onSort={onSort}
              rowSpan={2}
            />
            {beforeGroup.map((column) => (
              <SortableHeader
                key={column.key}
                column={column}
                sort={sort}
                onSort={onSort}
                rowSpan={2}
              />
            ))}
            <th scope="colgroup" colSpan={grouped.length} className="group-heading">
              <span className="sort-header">
                Interruptions
                <Definition metric="interruptions" />
              </span>
            </th>
            {afterGroup.map((column) => (
              <SortableHeader
                key={column.key}
                column={column}
                sort={sort}
                onSort={onSort}
                rowSpan={2}
              />
            ))}
          </tr>
          <tr>
            {grouped.map((column) => (
              <SortableHeader key={column.key} column={column} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((person) => {
            const path = personPath(person, filters);
            return (
              <tr key={person.pagerdutyId ?? person.email ?? person.name} data-testid="person-row">
                <th scope="row">
                  {path ? <Link href={path}>{person.name}</Link> : person.name}
                  <span className="hint person-zone">{person.timeZone}</span>
                </th>
                <td className="risk-cell">
                  <RiskBadge risk={person.burnoutRisk} />
                  {person.burnoutRisk.reasons.length > 0 ? (
                    <ul className="risk-reasons">
                      {person.burnoutRisk.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="hint"> No warning signs</span>
                  )}
                </td>
                <td className="number">{formatHours(person.onCall.hours)}</td>
                <td className="number">{formatWeeks(person.onCall.meanIntervalWeeks)}</td>
                <td className="number">{formatWeeks(person.onCall.longestStreakWeeks)}</td>
                <td className="number">{formatCount(person.interruptions.business)}</td>
                <td className="number">{formatCount(person.interruptions.off)}</td>
                <td className="number">{formatCount(person.interruptions.sleep)}</td>
                <td className="number">{formatCount(person.wakeups)}</td>
                <td className="number">{formatHours(person.toil.owedHours)}</td>
                <td className="number">{formatCount(person.restBreaches)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

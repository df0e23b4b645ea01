"use client";

import Link from "next/link";
import { formatCount, formatHours } from "@/lib/client/format";
import type { Report } from "@/lib/client/metrics";
import { personPath } from "@/lib/client/teams";
import type { DashboardFilters } from "@/lib/shared/dashboard-filters";

/**
 * People whose call-outs cut into their rest, most breaches first: a prompt to plan recovery
 * time. The wording is about the rota, never the person (PRODUCT.md › Rest).
 */
export function RecoveryList({
  people,
  filters,
}: {
  people: Report["people"];
  filters: DashboardFilters;
}) {
  const needRecovery = people
    .filter((person) => person.restBreaches >= 1)
    .sort((a, b) => b.restBreaches - a.restBreaches || a.name.localeCompare(b.name));
  if (needRecovery.length === 0) {
    return (
      <p className="hint" data-testid="recovery-list">
        No call-out cut into anyone's rest in this period.
      </p>
    );
  }
  return (
    <ul className="recovery-list" data-testid="recovery-list">
      {needRecovery.map((person) => {
        const path = personPath(person, filters);
        const breaches = person.restBreaches;
        return (
          <li key={person.pagerdutyId ?? person.email ?? person.name}>
            {path ? <Link href={path}>{person.name}</Link> : <span>{person.name}</span>}:{" "}
            {formatCount(breaches)} {breaches === 1 ? "call-out" : "call-outs"} cut into rest
            {person.wakeups > 0
              ? `, ${formatCount(person.wakeups)} ${person.wakeups === 1 ? "wake-up" : "wake-ups"}`
              : ""}
            {person.toil.owedHours > 0
              ? `; ${formatHours(person.toil.owedHours)} time in lieu owed`
              : ""}
            .
          </li>
        );
      })}
    </ul>
  );
}

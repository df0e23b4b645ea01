"use client";

import Link from "next/link";
import { formatCount, formatDuration, formatPercent } from "@/lib/client/format";
import type { Report } from "@/lib/client/metrics";
import { type DashboardFilters, dashboardQueryString } from "@/lib/shared/dashboard-filters";

/** Paging-test readiness (PRODUCT.md › Paging tests): who the tests reached, who acknowledged, how fast. */
export function PagingTestsPanel({
  pagingTests,
  filters,
}: {
  pagingTests: Report["pagingTests"];
  filters: DashboardFilters;
}) {
  const { tests, acknowledged, people } = pagingTests;
  const period = dashboardQueryString({ from: filters.from, to: filters.to, tz: filters.tz });
  if (tests === 0) {
    return <p className="hint">No paging tests reached this team in this period.</p>;
  }
  const sorted = [...people].sort(
    (a, b) => a.acknowledged / a.tests - b.acknowledged / b.tests || a.name.localeCompare(b.name),
  );
  return (
    <>
      <dl className="tiles" aria-label="Paging tests">
        <div className="tile">
          <dt>Tests</dt>
          <dd data-testid="paging-tests-count">{formatCount(tests)}</dd>
        </div>
        <div className="tile">
          <dt>Acknowledged</dt>
          <dd data-testid="paging-tests-acknowledged">
            {formatCount(acknowledged)}{" "}
            <span className="hint">({formatPercent(acknowledged / tests)})</span>
          </dd>
        </div>
      </dl>
      {people.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="paging-test-people">
            <caption>People the tests paged, fewest acknowledged first</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col" className="number">
                  Tests paged
                </th>
                <th scope="col" className="number">
                  Acknowledged
                </th>
                <th scope="col" className="number">
                  Median time to acknowledge
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((person) => (
                <tr key={person.personId}>
                  <th scope="row">
                    <Link href={`/people/${person.personId}?${period}`}>{person.name}</Link>
                  </th>
                  <td className="number">{formatCount(person.tests)}</td>
                  <td className="number">{formatCount(person.acknowledged)}</td>
                  <td className="number">{formatDuration(person.medianSecondsToAcknowledge)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">
          The tests left no record of whom they paged (a CSV import has no pages).
        </p>
      )}
    </>
  );
}

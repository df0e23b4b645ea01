"use client";

import { type ReactNode, useId } from "react";
import type { MetricId } from "@/lib/shared/metric-definitions";
import type { ChartQueryState } from "../../_components/chart-card";
import { Definition } from "../../_components/definition";

interface ReportSectionProps {
  title: string;
  metric?: MetricId;
  description?: ReactNode;
  query: ChartQueryState;
  /** Space kept while loading, so the sections below do not jump when the report arrives. */
  height?: number;
  children: () => ReactNode;
  testId?: string;
}

/**
 * A panel of the team screen that is a table rather than a chart: the same loading, error and
 * retry states as a ChartCard, without the chart/table switch.
 */
export function ReportSection({
  title,
  metric,
  description,
  query,
  height = 160,
  children,
  testId,
}: ReportSectionProps) {
  const headingId = useId();
  return (
    <section className="panel team-section" aria-labelledby={headingId} data-testid={testId}>
      <header className="chart-card-header">
        <h2 id={headingId}>{title}</h2>
        {metric ? <Definition metric={metric} /> : null}
      </header>
      {description ? <p className="hint">{description}</p> : null}
      <div
        className="team-section-body"
        aria-busy={query.isPending}
        data-state={query.isPending ? "loading" : query.isError ? "error" : "ready"}
      >
        {query.isPending ? (
          <div className="skeleton" style={{ height }} role="status">
            <span className="visually-hidden">Loading {title}…</span>
          </div>
        ) : query.isError ? (
          <div className="chart-card-message" role="alert" style={{ minHeight: height }}>
            <p className="error">
              Could not load {title}: {query.error?.message ?? "unknown error"}
            </p>
            <button type="button" onClick={() => query.refetch()}>
              Try again
            </button>
          </div>
        ) : (
          children()
        )}
      </div>
    </section>
  );
}

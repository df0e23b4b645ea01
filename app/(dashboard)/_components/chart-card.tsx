"use client";

import { type ReactNode, useId, useState } from "react";
import type { MetricId } from "@/lib/shared/metric-definitions";
import { Definition } from "./definition";

export interface ChartQueryState {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  refetch: () => unknown;
}

interface ChartCardProps {
  title: string;
  /** The definition shown beside the title. */
  metric?: MetricId;
  /** A line under the title: scope, units, what is left out. */
  description?: ReactNode;
  query: ChartQueryState;
  /** True when the data arrived but holds nothing to draw. */
  isEmpty?: boolean;
  emptyMessage?: ReactNode;
  /** The chart's numbers as a table, for "Show as table" (and screen readers). */
  renderTable: () => ReactNode;
  /** The chart; only called once data is there and not empty. */
  renderChart: () => ReactNode;
  /** Reserved height of the body, so nothing below moves when data arrives. */
  height?: number;
  /** Start on the table (for charts whose table is the main view on a phone, say). */
  initialView?: "chart" | "table";
  actions?: ReactNode;
}

/**
 * Every chart's frame: a title with its definition, a reserved body with loading, empty and
 * error states, and a "Show as table" switch that replaces the chart with its numbers.
 */
export function ChartCard({
  title,
  metric,
  description,
  query,
  isEmpty = false,
  emptyMessage = "Nothing in this period.",
  renderTable,
  renderChart,
  height = 260,
  initialView = "chart",
  actions,
}: ChartCardProps) {
  const [view, setView] = useState(initialView);
  const headingId = useId();
  const ready = !query.isPending && !query.isError && !isEmpty;
  return (
    <section className="chart-card" aria-labelledby={headingId}>
      <header className="chart-card-header">
        <h3 id={headingId}>{title}</h3>
        {metric ? <Definition metric={metric} /> : null}
        <div className="chart-card-actions">
          {actions}
          {ready ? (
            <button
              type="button"
              className="link"
              aria-pressed={view === "table"}
              onClick={() => setView(view === "chart" ? "table" : "chart")}
            >
              {view === "chart" ? "Show as table" : "Show as chart"}
            </button>
          ) : null}
        </div>
      </header>
      {description ? <p className="hint">{description}</p> : null}
      <div
        className="chart-card-body"
        style={{ minHeight: height }}
        aria-busy={query.isPending}
        data-state={
          query.isPending ? "loading" : query.isError ? "error" : isEmpty ? "empty" : "ready"
        }
      >
        {query.isPending ? (
          <div className="skeleton" style={{ height }} role="status">
            <span className="visually-hidden">Loading {title}…</span>
          </div>
        ) : query.isError ? (
          <div className="chart-card-message" role="alert">
            <p className="error">
              Could not load {title}: {query.error?.message ?? "unknown error"}
            </p>
            <button type="button" onClick={() => query.refetch()}>
              Try again
            </button>
          </div>
        ) : isEmpty ? (
          <div className="chart-card-message">
            <p className="hint">{emptyMessage}</p>
          </div>
        ) : view === "table" ? (
          <div className="table-scroll">{renderTable()}</div>
        ) : (
          renderChart()
        )}
      </div>
    </section>
  );
}

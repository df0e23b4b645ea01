"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import {
  formatChange,
  formatCount,
  formatDuration,
  formatHours,
  formatPercent,
  relativeChange,
} from "@/lib/client/format";
import type { ApiReport, IncidentMetricsResponse } from "@/lib/client/metrics";
import type { MetricId } from "@/lib/shared/metric-definitions";
import type { PeopleTotals } from "@/lib/shared/people-totals";
import { Definition } from "../definition";

interface TileProps {
  id: string;
  metric: MetricId;
  label: string;
  value: string;
  /** Relative change against the previous period; every tile here is better when lower. */
  change: number | null;
  previousName: string;
  detail?: string;
  isLoading?: boolean;
}

function Tile({ id, metric, label, value, change, previousName, detail, isLoading }: TileProps) {
  const direction = change === null || change === 0 ? "flat" : change > 0 ? "up" : "down";
  const judgement =
    direction === "up" ? "change-worse" : direction === "down" ? "change-better" : "";
  return (
    <div className="tile review-tile" data-testid={`tile-${id}`}>
      <dt>
        {label} <Definition metric={metric} />
      </dt>
      <dd aria-busy={isLoading}>
        {isLoading ? (
          <span className="skeleton tile-skeleton" role="status">
            <span className="visually-hidden">Loading {label}…</span>
          </span>
        ) : (
          <span data-testid={`tile-${id}-value`}>{value}</span>
        )}
      </dd>
      {detail && !isLoading ? <dd className="tile-detail">{detail}</dd> : null}
      <dd className={`tile-change ${judgement}`} data-testid={`tile-${id}-change`}>
        {isLoading ? (
          "\u00a0"
        ) : (
          <>
            <span aria-hidden="true">
              {direction === "up" ? "▲ " : direction === "down" ? "▼ " : ""}
            </span>
            {formatChange(change)} vs {previousName}
          </>
        )}
      </dd>
    </div>
  );
}

const durationDetail = (summary: IncidentMetricsResponse["mtta"]) =>
  `p90 ${formatDuration(summary.p90Seconds)} · mean ${formatDuration(summary.meanSeconds)} · n ${formatCount(summary.n)}`;

/**
 * The review's headline numbers with their change against the previous period. Incident tiles
 * come with the first paint; the people tiles wait for the per-person report.
 */
export function ReviewTiles({
  current,
  previous,
  report,
  previousReport,
  previousName,
}: {
  current: IncidentMetricsResponse | undefined;
  previous: IncidentMetricsResponse | undefined;
  report: UseQueryResult<ApiReport>;
  previousReport: UseQueryResult<ApiReport>;
  previousName: string;
}) {
  // The totals over everyone: leadership gets no person rows but the same totals as an admin.
  const load: PeopleTotals | null = report.data?.load.total ?? null;
  const loadBefore: PeopleTotals | null = previousReport.data?.load.total ?? null;
  const change = (now: number | null | undefined, then: number | null | undefined) =>
    relativeChange(now ?? null, then ?? null);
  const common = { previousName };
  const peopleLoading = report.isPending;
  return (
    <>
      <dl className="tiles review-tiles" aria-label="Headline numbers">
        <Tile
          {...common}
          id="incidents"
          metric="incidents"
          label="Incidents"
          value={current ? formatCount(current.count) : "—"}
          change={change(current?.count, previous?.count)}
          detail={
            current ? `${formatCount(current.excludedTests)} paging tests left out` : undefined
          }
        />
        {(["mttd", "mtta", "mttr"] as const).map((measure) => (
          <Tile
            {...common}
            key={measure}
            id={measure}
            metric={measure}
            label={`${measure.toUpperCase()} (median)`}
            value={current ? formatDuration(current[measure].medianSeconds) : "—"}
            change={change(current?.[measure].medianSeconds, previous?.[measure].medianSeconds)}
            detail={
              current
                ? measure === "mttd"
                  ? `${durationDetail(current.mttd)} of ${formatCount(current.mttdCoverage.total)}`
                  : durationDetail(current[measure])
                : undefined
            }
          />
        ))}
        <Tile
          {...common}
          id="customer-first"
          metric="customerFirstRate"
          label="Customer-reported first"
          value={current ? formatPercent(current.detection.customerFirstRate) : "—"}
          change={change(
            current?.detection.customerFirstRate,
            previous?.detection.customerFirstRate,
          )}
          detail={
            current
              ? `${formatCount(current.detection.customer)} of ${formatCount(current.count)}`
              : undefined
          }
        />
        <Tile
          {...common}
          id="off-hours"
          metric="offHoursInterruptions"
          label="Off-hours interruptions"
          value={load ? formatCount(load.offHoursInterruptions) : "—"}
          change={change(load?.offHoursInterruptions, loadBefore?.offHoursInterruptions)}
          detail={load ? `${formatCount(load.people)} people paged or on call` : undefined}
          isLoading={peopleLoading}
        />
        <Tile
          {...common}
          id="wakeups"
          metric="wakeups"
          label="Wake-ups"
          value={load ? formatCount(load.wakeups) : "—"}
          change={change(load?.wakeups, loadBefore?.wakeups)}
          isLoading={peopleLoading}
        />
        <Tile
          {...common}
          id="toil-owed"
          metric="toilOwed"
          label="Time in lieu owed"
          value={load ? formatHours(load.toilOwedHours) : "—"}
          change={change(load?.toilOwedHours, loadBefore?.toilOwedHours)}
          detail={load ? "at the end of the period" : undefined}
          isLoading={peopleLoading}
        />
      </dl>
      {report.isError ? (
        <p className="error" role="alert">
          Could not compute people's load: {report.error.message}{" "}
          <button type="button" onClick={() => report.refetch()}>
            Try again
          </button>
        </p>
      ) : null}
    </>
  );
}

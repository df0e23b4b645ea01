"use client";

import { useQuery } from "@tanstack/react-query";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatCount, formatDuration, formatPercent } from "@/lib/client/format";
import { type IncidentSeriesResponse, incidentSeriesQueryOptions } from "@/lib/client/metrics";
import { type DashboardFilters, trendFilters } from "@/lib/shared/dashboard-filters";
import { ChartCard } from "../chart-card";

type Bucket = IncidentSeriesResponse["buckets"][number];

const COLORS = {
  volume: "#0b6e4f",
  customer: "#b35900",
  mtta: "#1f5fa8",
  mttr: "#8a3ffc",
  mttd: "#a40e26",
};
const minutes = (seconds: number | null) =>
  seconds === null ? null : Math.round(seconds / 6) / 10;
const CHART_HEIGHT = 240;

function VolumeChart({ buckets }: { buckets: Bucket[] }) {
  const data = buckets.map((bucket) => ({
    label: bucket.label,
    count: bucket.count,
    customerFirstPercent:
      bucket.customerFirstRate === null ? null : Math.round(bucket.customerFirstRate * 1000) / 10,
  }));
  return (
    <ComposedChart
      responsive
      style={{ width: "100%", height: CHART_HEIGHT }}
      data={data}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} />
      <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
      <YAxis yAxisId="rate" orientation="right" unit="%" tick={{ fontSize: 12 }} width={44} />
      <Tooltip />
      <Legend />
      <Bar
        yAxisId="count"
        dataKey="count"
        name="Incidents"
        fill={COLORS.volume}
        isAnimationActive={false}
      />
      <Line
        yAxisId="rate"
        dataKey="customerFirstPercent"
        name="Customer-reported first (%)"
        stroke={COLORS.customer}
        strokeWidth={2}
        dot={{ r: 2 }}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}

function DurationChart({ buckets }: { buckets: Bucket[] }) {
  const data = buckets.map((bucket) => ({
    label: bucket.label,
    mtta: minutes(bucket.mtta.medianSeconds),
    mttr: minutes(bucket.mttr.medianSeconds),
    mttd: minutes(bucket.mttd.medianSeconds),
  }));
  return (
    <LineChart
      responsive
      style={{ width: "100%", height: CHART_HEIGHT }}
      data={data}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} />
      <YAxis unit=" min" tick={{ fontSize: 12 }} width={72} />
      <Tooltip />
      <Legend />
      {(["mttd", "mtta", "mttr"] as const).map((measure) => (
        <Line
          key={measure}
          dataKey={measure}
          name={`${measure.toUpperCase()} median (min)`}
          stroke={COLORS[measure]}
          strokeWidth={2}
          strokeDasharray={measure === "mttd" ? "4 3" : undefined}
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

function TrendTable({ buckets, caption }: { buckets: Bucket[]; caption: string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col" className="number">
            Incidents
          </th>
          <th scope="col" className="number">
            Customer first
          </th>
          <th scope="col" className="number">
            MTTD median
          </th>
          <th scope="col" className="number">
            MTTA median
          </th>
          <th scope="col" className="number">
            MTTR median
          </th>
          <th scope="col" className="number">
            MTTR p90
          </th>
        </tr>
      </thead>
      <tbody>
        {buckets.map((bucket) => (
          <tr key={bucket.label}>
            <th scope="row">{bucket.label}</th>
            <td className="number">{formatCount(bucket.count)}</td>
            <td className="number">{formatPercent(bucket.customerFirstRate)}</td>
            <td className="number">{formatDuration(bucket.mttd.medianSeconds)}</td>
            <td className="number">{formatDuration(bucket.mtta.medianSeconds)}</td>
            <td className="number">{formatDuration(bucket.mttr.medianSeconds)}</td>
            <td className="number">{formatDuration(bucket.mttr.p90Seconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Incident volume, customer-first rate and the MTTx medians per month over the chosen quarters. */
export function TrendCharts({
  filters,
  quarters,
}: {
  filters: DashboardFilters;
  quarters: number;
}) {
  const series = useQuery(incidentSeriesQueryOptions(trendFilters(filters, quarters), "month"));
  const buckets = series.data?.buckets ?? [];
  const isEmpty = buckets.every((bucket) => bucket.count === 0);
  return (
    <div className="chart-grid">
      <ChartCard
        title="Incidents and customer-reported first"
        metric="customerFirstRate"
        description="Bars: incidents per month (tests left out). Line: share reported by customers first."
        query={series}
        isEmpty={isEmpty}
        emptyMessage="No incidents in these months."
        height={CHART_HEIGHT}
        renderChart={() => <VolumeChart buckets={buckets} />}
        renderTable={() => <TrendTable buckets={buckets} caption="Incidents per month" />}
      />
      <ChartCard
        title="Time to detect, acknowledge, resolve"
        metric="mttr"
        description="Median per month in minutes; a gap is a month with nothing to measure."
        query={series}
        isEmpty={isEmpty}
        emptyMessage="No incidents in these months."
        height={CHART_HEIGHT}
        renderChart={() => <DurationChart buckets={buckets} />}
        renderTable={() => <TrendTable buckets={buckets} caption="MTTx per month" />}
      />
    </div>
  );
}

"use client";

import {
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import type { HourBand } from "@/lib/metrics/time-bands";

export interface InterruptionPoint {
  /** UTC midnight of the local date (their zone): one column per calendar day. */
  day: number;
  /** Local hour of day with minutes as a fraction (23:30 → 23.5). */
  hour: number;
  band: HourBand;
  /** "Sat 28 Mar, 23:30 · #101 Checkout errors" */
  label: string;
}

export const BAND_STYLE: Record<
  HourBand,
  { color: string; shape: "circle" | "triangle" | "diamond"; name: string }
> = {
  business: { color: "#1f5fa8", shape: "circle", name: "Business hours" },
  off: { color: "#b35900", shape: "triangle", name: "Off band" },
  sleep: { color: "#6f2dbd", shape: "diamond", name: "Sleep band" },
};

const DAY = 86_400_000;
const dayTick = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const hourTick = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

/** Ticks on the first of each month, or on Mondays when the range is shorter than ~7 weeks. */
function dayTicks(first: number, last: number): number[] {
  const ticks: number[] = [];
  const everyMonday = last - first < 50 * DAY;
  for (let day = first; day <= last; day += DAY) {
    const date = new Date(day);
    if (everyMonday ? date.getUTCDay() === 1 : date.getUTCDate() === 1) ticks.push(day);
  }
  return ticks.length > 0 ? ticks : [first];
}

function PointTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
}) {
  const point = payload?.[0]?.payload as InterruptionPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{BAND_STYLE[point.band].name}</strong>
      <div>{point.label}</div>
    </div>
  );
}

/**
 * Each interruption as a mark at its local date (x) and local time of day (y) in the person's
 * zone; shape and color both tell the band, so color is not the only signal.
 */
export function InterruptionChart({
  points,
  firstDay,
  lastDay,
  height,
}: {
  points: InterruptionPoint[];
  firstDay: number;
  lastDay: number;
  height: number;
}) {
  const bands: HourBand[] = ["business", "off", "sleep"];
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ScatterChart margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="day"
          domain={[firstDay - DAY / 2, lastDay + DAY / 2]}
          ticks={dayTicks(firstDay, lastDay)}
          tickFormatter={(value: number) => dayTick.format(value)}
          tick={{ fontSize: 12 }}
          name="Day"
        />
        <YAxis
          type="number"
          dataKey="hour"
          domain={[0, 24]}
          ticks={[0, 4, 8, 12, 16, 20, 24]}
          tickFormatter={hourTick}
          tick={{ fontSize: 12 }}
          width={48}
          reversed
          name="Local time"
        />
        <ZAxis range={[48, 48]} />
        <Tooltip content={PointTooltip} cursor={{ strokeDasharray: "3 3" }} />
        <Legend />
        {bands.map((band) => (
          <Scatter
            key={band}
            name={BAND_STYLE[band].name}
            data={points.filter((point) => point.band === band)}
            fill={BAND_STYLE[band].color}
            shape={BAND_STYLE[band].shape}
            legendType={BAND_STYLE[band].shape}
            isAnimationActive={false}
          />
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
}

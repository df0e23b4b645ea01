"use client";

import { useQuery } from "@tanstack/react-query";
import { formatCount } from "@/lib/client/format";
import {
  type InterruptionHeatmapResponse,
  interruptionHeatmapQueryOptions,
} from "@/lib/client/teams";
import type { DashboardFilters } from "@/lib/shared/dashboard-filters";
import { ChartCard } from "../../_components/chart-card";

type Cell = InterruptionHeatmapResponse["cells"][number];
type Band = Cell["band"];

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const BAND_LABEL: Record<Band, string> = { business: "business", off: "off", sleep: "sleep" };
/** Colour steps of the scale; step 0 is an empty cell. */
const LEVELS = 5;

const twoDigits = (hour: number) => String(hour).padStart(2, "0");
const hourRange = (hour: number) => `${twoDigits(hour)}:00–${twoDigits((hour + 1) % 24)}:00`;
const interruptionsText = (count: number) =>
  `${formatCount(count)} ${count === 1 ? "interruption" : "interruptions"}`;

/** The cell's step on the colour scale: 0 when empty, else 1–5 by its share of the busiest cell. */
export function heatLevel(count: number, maxCount: number): number {
  if (count === 0 || maxCount === 0) return 0;
  return Math.max(1, Math.ceil((count / maxCount) * LEVELS));
}

function rowsOf(cells: Cell[]): Cell[][] {
  return WEEKDAYS.map((_, index) => cells.filter((cell) => cell.isoWeekday === index + 1));
}

/** The 7 × 24 grid: a colour per count, the count written in, a bar under each cell for its band. */
function HeatmapGrid({ heatmap }: { heatmap: InterruptionHeatmapResponse }) {
  return (
    <div className="table-scroll">
      <table className="heatmap" data-testid="heatmap-grid">
        <caption className="visually-hidden">
          Interruptions by weekday and local hour, in each person's own time zone
        </caption>
        <thead>
          <tr>
            <td />
            {HOURS.map((hour) => (
              <th scope="col" key={hour} title={hourRange(hour)}>
                {twoDigits(hour)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowsOf(heatmap.cells).map((row, index) => (
            <tr key={WEEKDAYS[index]}>
              <th scope="row">
                <abbr title={WEEKDAYS[index]}>{WEEKDAYS[index]?.slice(0, 3)}</abbr>
              </th>
              {row.map((cell) => {
                const label = `${WEEKDAYS[index]} ${hourRange(cell.hour)}, ${BAND_LABEL[cell.band]} band: ${interruptionsText(cell.count)}`;
                return (
                  <td
                    key={cell.hour}
                    className={`heat heat-${heatLevel(cell.count, heatmap.maxCount)} band-${cell.band}`}
                    title={label}
                    aria-label={label}
                    data-count={cell.count}
                  >
                    {cell.count}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Hours as rows and weekdays as columns: every number of the grid, narrow enough for a phone. */
function HeatmapTable({ heatmap }: { heatmap: InterruptionHeatmapResponse }) {
  const rows = rowsOf(heatmap.cells);
  return (
    <table className="heatmap-table">
      <caption>Interruptions by local hour (rows) and weekday (columns)</caption>
      <thead>
        <tr>
          <th scope="col">Local hour</th>
          {WEEKDAYS.map((day) => (
            <th scope="col" className="number" key={day}>
              {day.slice(0, 3)}
            </th>
          ))}
          <th scope="col" className="number">
            All days
          </th>
        </tr>
      </thead>
      <tbody>
        {HOURS.map((hour) => (
          <tr key={hour}>
            <th scope="row">{hourRange(hour)}</th>
            {rows.map((row, index) => (
              <td className="number" key={WEEKDAYS[index]}>
                {formatCount(row[hour]?.count ?? 0)}
              </td>
            ))}
            <td className="number">
              {formatCount(rows.reduce((sum, row) => sum + (row[hour]?.count ?? 0), 0))}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All hours</th>
          {rows.map((row, index) => (
            <td className="number" key={WEEKDAYS[index]}>
              {formatCount(row.reduce((sum, cell) => sum + cell.count, 0))}
            </td>
          ))}
          <td className="number">{formatCount(heatmap.total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

function Legend({ maxCount }: { maxCount: number }) {
  const steps = Array.from({ length: LEVELS + 1 }, (_, level) => level);
  return (
    <div className="heatmap-legend">
      <span className="heatmap-scale">
        <span>Fewer</span>
        {steps.map((level) => (
          <span key={level} className={`heat heat-${level} heatmap-swatch`} aria-hidden="true" />
        ))}
        <span>More (busiest cell: {formatCount(maxCount)})</span>
      </span>
      <span className="heatmap-bands">
        Bar under each hour: its usual band —
        {(["business", "off", "sleep"] as const).map((band) => (
          <span key={band} className={`heatmap-band-key band-${band}`}>
            {BAND_LABEL[band]}
          </span>
        ))}
      </span>
    </div>
  );
}

/** The team's interruptions by local hour × weekday (PRODUCT.md › Team health). */
export function InterruptionHeatmapPanel({ filters }: { filters: DashboardFilters }) {
  const query = useQuery(interruptionHeatmapQueryOptions(filters));
  const heatmap = query.data;
  const zones = heatmap?.timeZones
    .map(({ timeZone, people }) => `${timeZone} (${formatCount(people)})`)
    .join(", ");
  return (
    <ChartCard
      title="Interruptions by local hour and weekday"
      metric="interruptionHeatmap"
      description={
        heatmap ? (
          <>
            Each interruption sits at the hour it reached the person{" "}
            <strong>in their own time zone</strong>, not {filters.tz}
            {zones ? `: ${zones}` : ""}. Total{" "}
            <span data-testid="heatmap-total">{formatCount(heatmap.total)}</span> = business{" "}
            {formatCount(heatmap.byBand.business)} + off {formatCount(heatmap.byBand.off)} + sleep{" "}
            {formatCount(heatmap.byBand.sleep)}.
          </>
        ) : (
          "Each interruption sits at the hour it reached the person, in their own time zone."
        )
      }
      query={query}
      isEmpty={heatmap !== undefined && heatmap.total === 0}
      emptyMessage="No interruptions for this team's people in this period."
      height={300}
      renderChart={() =>
        heatmap ? (
          <>
            <HeatmapGrid heatmap={heatmap} />
            <Legend maxCount={heatmap.maxCount} />
          </>
        ) : null
      }
      renderTable={() => (heatmap ? <HeatmapTable heatmap={heatmap} /> : null)}
    />
  );
}

"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { formatDateTime, formatHours } from "@/lib/client/format";
import type { PersonActivity } from "@/lib/client/people";
import { monthGrids } from "@/lib/metrics/month-grid";
import type { OnCallDay } from "@/lib/metrics/on-call-days";
import { ChartCard } from "../../_components/chart-card";

const WEEKDAYS = [
  ["Mon", "Monday"],
  ["Tue", "Tuesday"],
  ["Wed", "Wednesday"],
  ["Thu", "Thursday"],
  ["Fri", "Friday"],
  ["Sat", "Saturday"],
  ["Sun", "Sunday"],
] as const;

const monthFormat = new Intl.DateTimeFormat("en-GB", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const dayFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

// Civil dates ("2026-07-01") are formatted as UTC midnights: no zone may shift them a day.
const civil = (date: string) => new Date(`${date}T00:00:00Z`);

const STATUS_TEXT = {
  primary: "on call (level 1)",
  backup: "on call, level 2+ only",
} as const;

function describeDay(day: OnCallDay): string {
  const date = dayFormat.format(civil(day.date));
  return day.status === null
    ? `${date}: not on call`
    : `${date}: ${formatHours(day.hours)} ${STATUS_TEXT[day.status]}`;
}

function MonthGrids({ days }: { days: OnCallDay[] }) {
  const byDate = new Map(days.map((day) => [day.date, day]));
  return (
    <>
      <div className="month-grids">
        {monthGrids(days.map((day) => day.date)).map((grid) => (
          <table key={grid.month} className="month-grid">
            <caption>{monthFormat.format(civil(`${grid.month}-01`))}</caption>
            <thead>
              <tr>
                {WEEKDAYS.map(([short, long]) => (
                  <th key={short} scope="col" abbr={long}>
                    {short}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.weeks.map((week) => (
                <tr key={week.find((date) => date !== null) ?? grid.month}>
                  {week.map((date, column) => {
                    const day = date ? byDate.get(date) : undefined;
                    if (!date || !day) {
                      // biome-ignore lint/suspicious/noArrayIndexKey: a blank's only identity is its column.
                      return <td key={column} className="day day-blank" />;
                    }
                    return (
                      <td
                        key={date}
                        className={`day day-${day.status ?? "off"}`}
                        title={describeDay(day)}
                        data-date={date}
                        data-hours={day.hours}
                      >
                        <span className="day-number" aria-hidden="true">
                          {Number(date.slice(8))}
                          {day.status === "backup" ? <span className="day-level">2+</span> : null}
                        </span>
                        {day.status ? (
                          <span className="day-hours" aria-hidden="true">
                            {formatHours(day.hours)}
                          </span>
                        ) : null}
                        <span className="visually-hidden">{describeDay(day)}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <ul className="calendar-legend" aria-label="Legend">
        <li>
          <span className="swatch day-primary" /> on call, level 1 (primary)
        </li>
        <li>
          <span className="swatch day-backup" /> level 2+ only (marked “2+”)
        </li>
        <li>
          <span className="swatch day-off" /> not on call
        </li>
      </ul>
    </>
  );
}

function ShiftTable({ activity }: { activity: PersonActivity }) {
  const zone = activity.person.timeZone;
  return (
    <table className="shift-table">
      <caption>On-call shifts in the range (times in {zone}, their zone)</caption>
      <thead>
        <tr>
          <th scope="col">Schedule</th>
          <th scope="col" className="number">
            Level
          </th>
          <th scope="col">Start</th>
          <th scope="col">End</th>
          <th scope="col" className="number">
            Hours in range
          </th>
        </tr>
      </thead>
      <tbody>
        {activity.shifts.map((shift) => (
          <tr key={shift.id}>
            <th scope="row">{shift.schedule ?? "No schedule"}</th>
            <td className="number">
              {shift.level <= 1 ? "1 (primary)" : `${shift.level} (backup)`}
            </td>
            <td>{formatDateTime(shift.start, zone)}</td>
            <td>{formatDateTime(shift.end, zone)}</td>
            <td className="number">{formatHours(shift.hoursInRange)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={4}>
            On-call hours, overlapping shifts counted once
          </th>
          <td className="number" data-testid="shifts-total-hours">
            {formatHours(activity.summary.onCall.hours)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * Their on-call days in the range as month grids (weeks Monday–Sunday in their zone), with the
 * shifts themselves as the table view. Overlapping shifts count once, level 1 over level 2+.
 */
export function ShiftCalendar({ query }: { query: UseQueryResult<PersonActivity> }) {
  const activity = query.data;
  return (
    <section aria-labelledby="person-shifts" className="person-section">
      <h2 id="person-shifts">Shifts</h2>
      <ChartCard
        title="On-call calendar"
        metric="onCallHours"
        description={
          activity
            ? `Each day in ${activity.person.timeZone} with the hours on call; a DST day has 23 or 25 hours.`
            : undefined
        }
        query={query}
        isEmpty={activity !== undefined && activity.shifts.length === 0}
        emptyMessage="No on-call shifts in this range."
        height={240}
        renderChart={() => (activity ? <MonthGrids days={activity.days} /> : null)}
        renderTable={() => (activity ? <ShiftTable activity={activity} /> : null)}
      />
    </section>
  );
}

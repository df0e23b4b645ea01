"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { formatCount, formatDateTime } from "@/lib/client/format";
import type {
  PersonActivity,
  PersonActivityCallOut,
  PersonActivityInterruption,
} from "@/lib/client/people";
import { parseCivilDate } from "@/lib/metrics/calendar-dates";
import { wallClockAt } from "@/lib/metrics/calendar-zone";
import type { HourBand } from "@/lib/metrics/time-bands";
import type { DashboardFilters } from "@/lib/shared/dashboard-filters";
import { ChartCard } from "../../_components/chart-card";
import { Definition } from "../../_components/definition";
import { BAND_STYLE, InterruptionChart, type InterruptionPoint } from "./interruption-chart";

const CHART_HEIGHT = 280;
const CHANNEL_NAMES: Record<string, string> = {
  phone: "phone",
  sms: "SMS",
  push: "push",
  email: "e-mail",
  other: "other",
};
const RULE_NAMES = { "short-rest": "short rest", "night-rest": "night rest" } as const;

function BandBadge({ band }: { band: HourBand }) {
  return <span className={`band band-${band}`}>{BAND_STYLE[band].name}</span>;
}

function Incidents({ interruption }: { interruption: PersonActivityInterruption }) {
  return (
    <ul className="incident-links">
      {interruption.incidents.map((incident) => (
        <li key={incident.id}>
          <Link href={`/incidents/${incident.id}`}>
            #{incident.number ?? incident.id} {incident.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

const pagesText = (interruption: PersonActivityInterruption) =>
  `${formatCount(interruption.pages)} ${interruption.pages === 1 ? "page" : "pages"}: ${interruption.channels
    .map((channel) => CHANNEL_NAMES[channel] ?? channel)
    .join(", ")}`;

function points(activity: PersonActivity): InterruptionPoint[] {
  const zone = activity.person.timeZone;
  return activity.interruptions.map((interruption) => {
    const wall = wallClockAt(Date.parse(interruption.start), zone);
    const incident = interruption.incidents[0];
    return {
      day: Date.UTC(wall.year, wall.month - 1, wall.day),
      hour: wall.hour + wall.minute / 60,
      band: interruption.band,
      label: `${formatDateTime(interruption.start, zone)}${incident ? ` · #${incident.number ?? incident.id} ${incident.title}` : ""}`,
    };
  });
}

function InterruptionTable({
  activity,
  filters,
}: {
  activity: PersonActivity;
  filters: DashboardFilters;
}) {
  const zone = activity.person.timeZone;
  return (
    <table className="interruption-table">
      <caption>Interruptions in the range, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Start ({zone}, theirs)</th>
          <th scope="col">Start ({filters.tz})</th>
          <th scope="col">Band</th>
          <th scope="col">Pages</th>
          <th scope="col">Incidents</th>
          <th scope="col" className="number">
            Call-out
          </th>
        </tr>
      </thead>
      <tbody>
        {activity.interruptions.map((interruption) => (
          <tr key={interruption.start}>
            <th scope="row">{formatDateTime(interruption.start, zone)}</th>
            <td>{formatDateTime(interruption.start, filters.tz)}</td>
            <td>
              <BandBadge band={interruption.band} />
            </td>
            <td>{pagesText(interruption)}</td>
            <td>
              <Incidents interruption={interruption} />
            </td>
            <td className="number">{interruption.callOut + 1}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CallOutFlags({ callOut }: { callOut: PersonActivityCallOut }) {
  return (
    <span className="call-out-flags">
      {callOut.isWakeUp ? <span className="flag flag-wake-up">Wake-up</span> : null}
      {callOut.isOffHours ? (
        <span className="flag flag-off-hours">Off-hours</span>
      ) : (
        <span className="flag">Business hours</span>
      )}
      {callOut.restBreach ? <span className="flag flag-breach">Rest breach</span> : null}
      {callOut.startsInRange ? null : (
        <span className="flag">Began before the range: counted in the earlier period</span>
      )}
    </span>
  );
}

type CallOutFilter = "all" | "off-hours" | "wake-ups" | "rest-breaches";

const CALL_OUT_FILTERS: Record<CallOutFilter, (callOut: PersonActivityCallOut) => boolean> = {
  all: () => true,
  "off-hours": (callOut) => callOut.isOffHours,
  "wake-ups": (callOut) => callOut.isWakeUp,
  "rest-breaches": (callOut) => callOut.restBreach !== null,
};

// A quarter of a busy rotation holds hundreds of call-outs: show a page at a time.
const CALL_OUTS_PER_PAGE = 20;

/** The timeline proper: call-outs, each with its interruptions, oldest first. */
function CallOutTimeline({
  activity,
  filters,
}: {
  activity: PersonActivity;
  filters: DashboardFilters;
}) {
  const zone = activity.person.timeZone;
  const [shown, setShown] = useState<CallOutFilter>("all");
  const [visible, setVisible] = useState(CALL_OUTS_PER_PAGE);
  const selectId = useId();
  const byCallOut = new Map<number, PersonActivityInterruption[]>();
  for (const interruption of activity.interruptions) {
    byCallOut.set(interruption.callOut, [
      ...(byCallOut.get(interruption.callOut) ?? []),
      interruption,
    ]);
  }
  const matching = activity.callOuts
    .map((callOut, index) => ({ callOut, index }))
    .filter(({ callOut }) => CALL_OUT_FILTERS[shown](callOut));
  const page = matching.slice(0, visible);
  return (
    <>
      <div className="timeline-controls">
        <label htmlFor={selectId}>Show</label>
        <select
          id={selectId}
          value={shown}
          onChange={(event) => {
            setShown(event.target.value as CallOutFilter);
            setVisible(CALL_OUTS_PER_PAGE);
          }}
        >
          <option value="all">All call-outs</option>
          <option value="off-hours">Off-hours call-outs</option>
          <option value="wake-ups">Wake-ups</option>
          <option value="rest-breaches">Rest breaches</option>
        </select>
        <span className="hint" aria-live="polite" data-testid="timeline-count">
          {formatCount(page.length)} of {formatCount(matching.length)} call-outs shown
        </span>
      </div>
      <div className="table-scroll">
        <table className="call-out-timeline stack-on-phone">
          <caption>
            Call-outs and their interruptions{" "}
            <span className="hint">
              (a call-out chains interruptions starting within 60 min of the previous one, by
              default; it ends at the later of its last page and its incidents' last resolve, capped
              at 12 h by default)
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Start ({zone}, theirs)</th>
              <th scope="col">Start ({filters.tz})</th>
              <th scope="col">Band</th>
              <th scope="col">Pages</th>
              <th scope="col">Incidents</th>
            </tr>
          </thead>
          {page.map(({ callOut, index }) => (
            <tbody
              key={callOut.start}
              className="call-out"
              data-testid="call-out"
              data-wake-up={callOut.isWakeUp}
              data-counted={callOut.startsInRange}
            >
              <tr className="call-out-header">
                <th scope="rowgroup" colSpan={5}>
                  <span className="call-out-title">
                    Call-out {index + 1}: {formatDateTime(callOut.start, zone)} →{" "}
                    {formatDateTime(callOut.endAt, zone)}
                  </span>{" "}
                  <CallOutFlags callOut={callOut} />
                  {callOut.restBreach ? (
                    <ul className="breach-reasons">
                      {callOut.restBreach.reasons.map((reason) => (
                        <li key={reason.rule}>
                          <strong>{RULE_NAMES[reason.rule]}:</strong> {reason.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </th>
              </tr>
              {(byCallOut.get(index) ?? []).map((interruption) => (
                <tr key={interruption.start} data-testid="timeline-interruption">
                  <td className="when" data-label={`Start (${zone})`}>
                    {formatDateTime(interruption.start, zone)}
                  </td>
                  <td className="when" data-label={`Start (${filters.tz})`}>
                    {formatDateTime(interruption.start, filters.tz)}
                  </td>
                  <td data-label="Band">
                    <BandBadge band={interruption.band} />
                  </td>
                  <td className="pages" data-label="Pages">
                    {pagesText(interruption)}
                  </td>
                  <td data-label="Incidents">
                    <Incidents interruption={interruption} />
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {page.length < matching.length ? (
        <div className="pager">
          <button type="button" onClick={() => setVisible(visible + CALL_OUTS_PER_PAGE)}>
            Show {formatCount(Math.min(CALL_OUTS_PER_PAGE, matching.length - page.length))} more
          </button>
          <button type="button" onClick={() => setVisible(matching.length)}>
            Show all {formatCount(matching.length)}
          </button>
        </div>
      ) : null}
    </>
  );
}

/**
 * Every interruption in the range (bands in their zone), grouped into call-outs with wake-up,
 * off-hours and rest-breach flags — the same call-outs the report counts.
 */
export function InterruptionTimeline({
  query,
  filters,
}: {
  query: UseQueryResult<PersonActivity>;
  filters: DashboardFilters;
}) {
  const activity = query.data;
  const firstDate = activity?.days[0]?.date;
  const lastDate = activity?.days.at(-1)?.date;
  const dayOf = (date: string | undefined) => {
    if (!date) return 0;
    const { year, month, day } = parseCivilDate(date);
    return Date.UTC(year, month - 1, day);
  };
  // As the report counts them: call-outs that start in the range.
  const wakeUps =
    activity?.callOuts.filter((callOut) => callOut.isWakeUp && callOut.startsInRange).length ?? 0;
  return (
    <section aria-labelledby="person-interruptions" className="person-section">
      <h2 id="person-interruptions">Interruptions</h2>
      <ChartCard
        title="Interruptions by day and local time"
        metric="interruptions"
        description={
          activity
            ? `Each mark is one interruption at its local date and time in ${activity.person.timeZone}; shape and color give the band.`
            : undefined
        }
        query={query}
        isEmpty={activity !== undefined && activity.interruptions.length === 0}
        emptyMessage="No interruptions in this range."
        height={CHART_HEIGHT}
        renderChart={() =>
          activity ? (
            <InterruptionChart
              points={points(activity)}
              firstDay={dayOf(firstDate)}
              lastDay={dayOf(lastDate)}
              height={CHART_HEIGHT}
            />
          ) : null
        }
        renderTable={() =>
          activity ? <InterruptionTable activity={activity} filters={filters} /> : null
        }
      />
      {activity && activity.callOuts.length > 0 ? (
        <div className="panel call-out-panel">
          <h3>
            Timeline <Definition metric="wakeups" />
          </h3>
          <p className="hint">
            {formatCount(activity.interruptions.length)} interruptions in{" "}
            {formatCount(activity.callOuts.length)} call-outs, {formatCount(wakeUps)} of them
            wake-ups. Rest breaches name the rule they broke: they are shown to plan recovery, never
            to blame.
          </p>
          <CallOutTimeline activity={activity} filters={filters} />
        </div>
      ) : null}
    </section>
  );
}

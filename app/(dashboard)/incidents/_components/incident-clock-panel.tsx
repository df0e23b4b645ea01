import { formatDateTime, formatDuration } from "@/lib/client/format";
import type { IncidentDetail, IncidentDuration } from "@/lib/client/incidents";
import type { MetricId } from "@/lib/shared/metric-definitions";
import { Definition } from "../../_components/definition";
import { startedAtSourceLabel } from "./incident-words";

type Clock = IncidentDetail["clock"];

/** The incident's moments in the viewer's zone, and the durations MTTD/MTTA/MTTR count for it. */
export function IncidentClockPanel({ clock, tz }: { clock: Clock; tz: string }) {
  const startedSource = startedAtSourceLabel(clock.startedAtSource);
  const moments: { id: string; label: string; at: string | null; note: string | null }[] = [
    {
      id: "started",
      label: "Impact started",
      at: clock.startedAt,
      note: clock.startedAt === null ? "not recorded" : startedSource,
    },
    { id: "created", label: "Created", at: clock.createdAt, note: "PagerDuty triggered it" },
    {
      id: "acknowledged",
      label: "Acknowledged",
      at: clock.acknowledgedAt,
      note: clock.acknowledgedAt === null ? "never" : "first acknowledgement",
    },
    {
      id: "resolved",
      label: "Resolved",
      at: clock.resolvedAt,
      note:
        clock.resolvedAt === null
          ? "not yet"
          : clock.resolvedByMerge
            ? `by merge${clock.mergedIntoPagerdutyId ? ` into ${clock.mergedIntoPagerdutyId}` : ""}`
            : null,
    },
  ];
  const durations: { id: string; label: string; metric: MetricId; value: IncidentDuration }[] = [
    { id: "detect", label: "Time to detect", metric: "mttd", value: clock.timeToDetect },
    {
      id: "acknowledge",
      label: "Time to acknowledge",
      metric: "mtta",
      value: clock.timeToAcknowledge,
    },
    { id: "resolve", label: "Time to resolve", metric: "mttr", value: clock.timeToResolve },
  ];

  return (
    <section className="panel" aria-labelledby="clock-heading">
      <h2 id="clock-heading">Clock</h2>
      <table className="incident-clock">
        <caption className="visually-hidden">The incident's clock, times in {tz}</caption>
        <thead>
          <tr>
            <th scope="col">Moment</th>
            <th scope="col">Time ({tz})</th>
          </tr>
        </thead>
        <tbody>
          {moments.map((moment) => (
            <tr key={moment.id}>
              <th scope="row">{moment.label}</th>
              <td>
                <span data-testid={`clock-${moment.id}`}>
                  {moment.at ? (
                    <time dateTime={moment.at}>{formatDateTime(moment.at, tz)}</time>
                  ) : (
                    "—"
                  )}
                </span>
                {moment.note ? (
                  <span className="hint incident-clock-note">{moment.note}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="tiles incident-durations" aria-label="Durations">
        {durations.map((duration) => (
          <div className="tile" key={duration.id}>
            <dt>
              {duration.label} <Definition metric={duration.metric} />
            </dt>
            <dd data-testid={`duration-${duration.id}`}>
              {formatDuration(duration.value.seconds)}
            </dd>
            {duration.value.reason ? (
              <dd className="hint" data-testid={`duration-${duration.id}-reason`}>
                Not counted: {duration.value.reason}
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
    </section>
  );
}

import { formatCount } from "@/lib/client/format";
import type { IncidentTimelineItem } from "@/lib/client/incidents";
import { agentLabel, channelLabel, logEntryTypeLabel } from "./incident-words";

// Seconds matter here: a notification and its acknowledgement are often within the same minute.
function formatMoment(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone,
  }).format(new Date(iso));
}

function channelOf(item: IncidentTimelineItem): string | null {
  const channel = item.pageChannel ?? item.notificationType ?? item.channel;
  return channel ? channelLabel(channel) : null;
}

/** Log entries and pages in time order, oldest first. */
export function IncidentTimeline({
  timeline,
  truncated,
  tz,
}: {
  timeline: IncidentTimelineItem[];
  truncated: boolean;
  tz: string;
}) {
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {timeline.length === 0 ? (
        <p className="empty">
          No log entries or pages were imported for this incident. A REST sync or a log-entries
          export adds them.
        </p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="incident-timeline">
              <caption className="visually-hidden">
                Log entries and pages, oldest first, times in {tz}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Time ({tz})</th>
                  <th scope="col">Event</th>
                  <th scope="col">By</th>
                  <th scope="col">Person</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {timeline.map((item) => (
                  <tr key={item.key}>
                    <td>
                      <time dateTime={item.at}>{formatMoment(item.at, tz)}</time>
                    </td>
                    <th scope="row">
                      {item.type ? logEntryTypeLabel(item.type) : "Paged"}
                      {item.pageChannel && item.type ? (
                        <span className="badge badge-page" title="Counted as a page">
                          page
                        </span>
                      ) : null}
                      {item.isFromWebhook ? (
                        <span
                          className="badge badge-webhook"
                          title="Recorded from a webhook event until the REST log replaces it"
                        >
                          from webhook
                        </span>
                      ) : null}
                    </th>
                    <td>{agentLabel(item.agentType, item.agentName) ?? "—"}</td>
                    <td>{item.personName ?? "—"}</td>
                    <td>{channelOf(item) ?? "—"}</td>
                    <td>
                      {item.summary ?? (item.kind === "page" ? "A page with no log entry" : "—")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {truncated ? (
            <p className="hint">
              Showing the first {formatCount(timeline.length)} entries; the rest are left out.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

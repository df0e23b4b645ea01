import type { DetectionSource, IncidentStatus } from "@/lib/shared/incident-requests";
import { SOURCE_LABELS, STATUS_LABELS } from "./incident-words";

/** The detection source as a badge: its word always shows, the colour only repeats it. */
export function SourceBadge({ source }: { source: DetectionSource }) {
  return <span className={`badge incident-source-${source}`}>{SOURCE_LABELS[source]}</span>;
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`badge incident-status-${status}`}>{STATUS_LABELS[status]}</span>;
}

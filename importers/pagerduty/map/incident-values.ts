/** Incident enums as PagerDuty and exports spell them, for every importer. */
import { DETECTION_SOURCES } from "@/lib/metrics/detection-source";
import type { DetectionSourceValue, IncidentStatusValue, UrgencyValue } from "../records";

export const INCIDENT_STATUSES = [
  "triggered",
  "acknowledged",
  "resolved",
] as const satisfies readonly IncidentStatusValue[];

export const URGENCIES = ["high", "low"] as const satisfies readonly UrgencyValue[];

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  if (typeof value !== "string") return null;
  const normalised = value.trim().toLowerCase();
  return values.find((candidate) => candidate === normalised) ?? null;
}

/** "Resolved", " triggered " → the status; null for anything else. */
export function parseIncidentStatus(value: unknown): IncidentStatusValue | null {
  return oneOf(INCIDENT_STATUSES, value);
}

/** "High", "low" → the urgency; null for anything else. */
export function parseUrgency(value: unknown): UrgencyValue | null {
  return oneOf(URGENCIES, value);
}

/** "Monitoring", "customer", … → the detection source; null for anything else. */
export function parseDetectionSource(value: unknown): DetectionSourceValue | null {
  return oneOf(DETECTION_SOURCES, value);
}

/** An incident's `summary` without the "[#1234] " PagerDuty puts before the title. */
export function titleFromIncidentSummary(summary: string): string {
  return summary.replace(/^\[#\d+\]\s*/, "");
}

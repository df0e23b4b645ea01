/**
 * Time windows for PagerDuty's `since`/`until` listings. Windows are half-open, [since, until),
 * in epoch milliseconds on whole seconds: PagerDuty reads timestamps to the second, so a boundary
 * inside a second could make two neighbouring windows overlap or leave a gap.
 */

export interface TimeWindow {
  since: number;
  until: number;
}

const SECOND_MS = 1_000;
export const DAY_MS = 86_400_000;

/**
 * The longest window per listing. `/incidents` refuses ranges over 6 months (180 days stays
 * inside every 6-month span), `/oncalls` over 3 months (PagerDuty: "cannot exceed 3 months"; 90
 * days is inside it). `/log_entries` has no documented limit; 30 days keeps most windows under
 * the 10,000-offset ceiling, so few need splitting.
 */
export const MAX_WINDOW_MS = {
  incidents: 180 * DAY_MS,
  log_entries: 30 * DAY_MS,
  oncalls: 90 * DAY_MS,
} as const;

export function floorToSecond(ms: number): number {
  return Math.floor(ms / SECOND_MS) * SECOND_MS;
}

/** [since, until) cut into consecutive windows of at most `maxLengthMs`, oldest first. */
export function splitIntoWindows(range: TimeWindow, maxLengthMs: number): TimeWindow[] {
  const windows: TimeWindow[] = [];
  for (let since = range.since; since < range.until; since += maxLengthMs) {
    windows.push({ since, until: Math.min(range.until, since + maxLengthMs) });
  }
  return windows;
}

/** Whether halving still leaves two windows of at least a second each. */
export function canHalve(window: TimeWindow): boolean {
  return window.until - window.since >= 2 * SECOND_MS;
}

/** The two halves of a window, split on a whole second. */
export function halve(window: TimeWindow): [TimeWindow, TimeWindow] {
  const middle = floorToSecond(window.since + (window.until - window.since) / 2);
  const split = Math.min(window.until - SECOND_MS, Math.max(window.since + SECOND_MS, middle));
  return [
    { since: window.since, until: split },
    { since: split, until: window.until },
  ];
}

/** PagerDuty's timestamp style: ISO 8601 in UTC without milliseconds. */
export function toPagerDutyTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function describeWindow(window: TimeWindow): string {
  return `${toPagerDutyTime(window.since)} – ${toPagerDutyTime(window.until)}`;
}

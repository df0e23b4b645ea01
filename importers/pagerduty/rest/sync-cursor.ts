/**
 * The checkpoint cursors, stored as JSON per resource.
 *
 * Time-windowed resources (incidents, log_entries, oncalls):
 *
 * ```json
 * { "version": 1, "since": "2026-01-01T00:00:00Z", "committedUntil": "2026-03-14T00:00:00Z",
 *   "partial": { "since": "2026-03-14T00:00:00Z", "until": "2026-04-13T00:00:00Z", "offset": 300 } }
 * ```
 *
 * Every object created (for on-calls: overlapping) in [since, committedUntil) is committed. When
 * `partial` is set, the first `offset` objects of the listing of exactly that window are committed
 * too; its `since` equals `committedUntil`. `since` is how far back the history goes, so a later
 * run asking for an earlier `since` knows it must start over.
 *
 * Full resources (users, teams, services, escalation_policies, schedules) are listed whole each
 * run; their cursor only records when that last completed: `{ "version": 1, "completedAt": "…" }`.
 */
import { z } from "zod";
import type { TimeWindow } from "./time-windows";
import { toPagerDutyTime } from "./time-windows";

const timestamp = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text));

const windowCursorSchema = z.object({
  version: z.literal(1),
  since: timestamp,
  committedUntil: timestamp,
  partial: z
    .object({ since: timestamp, until: timestamp, offset: z.number().int().nonnegative() })
    .nullable(),
});

export interface WindowCursor {
  since: number;
  committedUntil: number;
  partial: { window: TimeWindow; offset: number } | null;
}

/** A stored cursor, or null when there is none or it is not one this version wrote. */
export function parseWindowCursor(stored: unknown): WindowCursor | null {
  const parsed = windowCursorSchema.safeParse(stored);
  if (!parsed.success) return null;
  const { since, committedUntil, partial } = parsed.data;
  return {
    since,
    committedUntil,
    partial: partial && {
      window: { since: partial.since, until: partial.until },
      offset: partial.offset,
    },
  };
}

export function serializeWindowCursor(cursor: WindowCursor) {
  return {
    version: 1,
    since: toPagerDutyTime(cursor.since),
    committedUntil: toPagerDutyTime(cursor.committedUntil),
    partial: cursor.partial && {
      since: toPagerDutyTime(cursor.partial.window.since),
      until: toPagerDutyTime(cursor.partial.window.until),
      offset: cursor.partial.offset,
    },
  };
}

export function serializeCompletedCursor(completedAt: Date) {
  return { version: 1, completedAt: completedAt.toISOString() };
}

export interface ResumePlan {
  /** Listing starts here (after finishing `partial`, when there is one). */
  start: number;
  partial: { window: TimeWindow; offset: number } | null;
  /** The cursor's `since` from now on: the stored one while the history stays unbroken. */
  historySince: number;
}

/**
 * Where this run picks up. A cursor is honoured only when its history reaches back to `since`;
 * otherwise the run starts at `since`. A finished window is fetched again from `overlapMs` before
 * its end (on-call shifts change after the fact; PagerDuty can be a moment late in listing new
 * objects); an unfinished window resumes exactly where it stopped.
 */
export function planResume(
  cursor: WindowCursor | null,
  since: number,
  overlapMs: number,
): ResumePlan {
  if (cursor === null || cursor.since > since || cursor.committedUntil < since) {
    return { start: since, partial: null, historySince: since };
  }
  if (cursor.partial !== null && cursor.partial.window.since >= since) {
    return {
      start: cursor.partial.window.until,
      partial: cursor.partial,
      historySince: cursor.since,
    };
  }
  return {
    start: Math.max(since, cursor.committedUntil - overlapMs),
    partial: null,
    historySince: cursor.since,
  };
}

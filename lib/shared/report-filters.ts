import { TZDate } from "@date-fns/tz";
import { formatISO } from "date-fns";
import { z } from "zod";
import { timeZoneSchema } from "./time-zone";

// Generous for any history PagerDuty holds, and keeps a monthly series to a few hundred buckets.
const MAXIMUM_RANGE_MS = 20 * 366 * 86_400_000;

const localDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A date or local date-time ("2026-07-01", "2026-07-01T09:00") read as wall-clock time in `timeZone`. */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const match = localDateTime.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const instant = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  // Reject dates that roll over (2026-02-30) instead of silently moving them.
  if (
    instant.getFullYear() !== year ||
    instant.getMonth() !== month - 1 ||
    instant.getDate() !== day
  )
    return null;
  return new Date(instant.getTime());
}

/**
 * The filters every report and dashboard endpoint accepts. `from` is inclusive and `to`
 * exclusive, both read in `timeZone` (default UTC), per PRODUCT.md's command line.
 */
export const reportFiltersSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: timeZoneSchema.default("UTC"),
    team: z.string().min(1).optional(),
    service: z.string().min(1).optional(),
    urgency: z.enum(["high", "low"]).optional(),
  })
  .transform((input, context) => {
    const from = parseLocalDateTime(input.from, input.timeZone);
    const to = parseLocalDateTime(input.to, input.timeZone);
    if (!from)
      context.addIssue({
        code: "custom",
        path: ["from"],
        message: `"${input.from}" is not a date like 2026-07-01 or 2026-07-01T09:00.`,
      });
    if (!to)
      context.addIssue({
        code: "custom",
        path: ["to"],
        message: `"${input.to}" is not a date like 2026-10-01 or 2026-10-01T09:00.`,
      });
    if (from && to && from.getTime() >= to.getTime()) {
      context.addIssue({
        code: "custom",
        path: ["to"],
        message: "must be after from (from is inclusive, to exclusive).",
      });
    }
    if (from && to && to.getTime() - from.getTime() > MAXIMUM_RANGE_MS) {
      context.addIssue({
        code: "custom",
        path: ["to"],
        message: "a range can span at most 20 years; narrow from or to.",
      });
    }
    if (!from || !to || from.getTime() >= to.getTime()) return z.NEVER;
    if (to.getTime() - from.getTime() > MAXIMUM_RANGE_MS) return z.NEVER;
    return { ...input, range: { start: from, end: to } };
  });

export type ReportFilters = z.output<typeof reportFiltersSchema>;

/** "2026-07-01T00:00:00+02:00": an instant as a report's zone reads it (ISO 8601 with offset). */
export function formatInZone(instant: Date, timeZone: string): string {
  return formatISO(new TZDate(instant.getTime(), timeZone));
}

/** The range as every report and endpoint states it: local ISO instants and their zone. */
export function reportRange(filters: Pick<ReportFilters, "range" | "timeZone">): {
  from: string;
  to: string;
  timeZone: string;
} {
  return {
    from: formatInZone(filters.range.start, filters.timeZone),
    to: formatInZone(filters.range.end, filters.timeZone),
    timeZone: filters.timeZone,
  };
}

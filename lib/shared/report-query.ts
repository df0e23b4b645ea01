import { z } from "zod";
import { type ReportFilters, reportFiltersSchema } from "./report-filters";

const required = (name: string, example: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined
        ? `${name} is required: a date like ${example}, read in tz.`
        : `${name} must be a date like ${example}.`,
  });

/**
 * A report endpoint's query string (`?from=2026-07-01&to=2026-10-01&tz=Europe/Stockholm&team=…`)
 * as the report filters. The URL names the zone `tz`; the rest of the checks are
 * reportFiltersSchema's, with issues reported against the query's own keys.
 */
export const reportQuerySchema = z
  .object({
    from: required("from", "2026-07-01"),
    to: required("to", "2026-10-01"),
    tz: z.string().optional(),
  })
  .loose()
  .transform((query, context): ReportFilters => {
    const { tz, ...filters } = query;
    const result = reportFiltersSchema.safeParse({ ...filters, timeZone: tz });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      context.addIssue({
        code: "custom",
        path: issue.path.map((key) => (key === "timeZone" ? "tz" : key)),
        message: issue.message,
      });
    }
    return z.NEVER;
  });

export const seriesIntervalSchema = z.enum(["month", "quarter"], {
  error: "interval must be month or quarter.",
});

/** The series endpoint's query: the report filters plus the bucket size (default month). */
export const seriesQuerySchema = reportQuerySchema.and(
  z.object({ interval: seriesIntervalSchema.default("month") }),
);

export type SeriesQuery = z.output<typeof seriesQuerySchema>;

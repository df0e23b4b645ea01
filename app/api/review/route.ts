import { z } from "zod";
import { authorizeReportScope } from "@/lib/server/access/authorize-report-scope";
import { getDb } from "@/lib/server/db";
import { parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { buildQuarterlyReview } from "@/lib/server/review/build-quarterly-review";
import { visibleTeamIds } from "@/lib/shared/access-policy";
import { type DashboardFilters, TREND_QUARTERS } from "@/lib/shared/dashboard-filters";
import { quarterlyReviewToCsv } from "@/lib/shared/quarterly-review";
import { reportQuerySchema } from "@/lib/shared/report-query";

export const dynamic = "force-dynamic";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const reviewRequestSchema = z.object({
  from: z.string().regex(DATE, "from must be a date like 2026-07-01."),
  to: z.string().regex(DATE, "to must be a date like 2026-10-01."),
  tz: z.string().default("UTC"),
  team: z.string().min(1).optional(),
  service: z.string().min(1).optional(),
  urgency: z.enum(["high", "low"]).optional(),
  format: z.enum(["json", "csv"], { error: "format must be json or csv." }).default("json"),
  /** The trend's length, as on the screen. */
  quarters: z.coerce
    .number()
    .refine((value) => (TREND_QUARTERS as readonly number[]).includes(value), {
      error: "quarters must be 4, 6 or 8.",
    })
    .default(8),
});

/**
 * The quarterly review as the screen shows it, for export:
 * `GET /api/review?from=2026-07-01&to=2026-10-01&tz=Europe/Stockholm[&team…]&format=csv`.
 * Rows for the organisation, each team and service (this period and the one before) and each
 * month of the trend (`quarters`, default 8). People appear only as totals; team rows are the
 * viewer's teams'.
 */
export const GET = authorizedRoute(async (request, viewer) => {
  const { format, quarters, ...query } = parseQuery(reviewRequestSchema, request.url);
  // The review works on whole dates; the report filters check the rest (zone, order, span).
  reportQuerySchema.parse(query);
  const db = getDb();
  await authorizeReportScope(db, viewer, { team: query.team });
  const review = await buildQuarterlyReview(
    db,
    query as DashboardFilters,
    await getMetricSettings(db),
    quarters,
    visibleTeamIds(viewer),
  );
  if (format === "json") return Response.json(review);
  const name = `fairshift-review-${query.from}-${query.to}.csv`;
  return new Response(quarterlyReviewToCsv(review), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
});

import { z } from "zod";
import { authorizeReportScope } from "@/lib/server/access/authorize-report-scope";
import { getDb } from "@/lib/server/db";
import { parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { buildReport } from "@/lib/server/report/build-report";
import { reportAudience, scopeReport } from "@/lib/server/report/scope-report";
import { reportToCsv } from "@/lib/shared/report-csv";
import { reportQuerySchema } from "@/lib/shared/report-query";

export const dynamic = "force-dynamic";

const reportRequestSchema = reportQuerySchema.and(
  z.object({
    format: z.enum(["json", "csv"], { error: "format must be json or csv." }).default("json"),
  }),
);

/**
 * The report `fairshift report` prints, for the dashboard and for export:
 * `GET /api/report?from=2026-07-01&to=2026-10-01&tz=Europe/Stockholm&team=Payments[&format=csv]`.
 * People, teams, noise and paging tests with the incident metrics; CSV has a row per person and
 * per team and downloads as a file. Person rows are the viewer's to see (`peopleShown`); `load`
 * adds up everyone's, so totals are the same for every viewer of the scope.
 */
export const GET = authorizedRoute(async (request, viewer) => {
  const query = parseQuery(reportRequestSchema, request.url);
  const db = getDb();
  const team = await authorizeReportScope(db, viewer, { team: query.team });
  const [full, audience] = await Promise.all([
    getMetricSettings(db).then((settings) => buildReport(db, query, settings)),
    reportAudience(db, viewer, team),
  ]);
  const report = scopeReport(full, audience);
  if (query.format === "json") return Response.json(report);
  const name = `fairshift-report-${report.range.from.slice(0, 10)}-${report.range.to.slice(0, 10)}.csv`;
  return new Response(reportToCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
});

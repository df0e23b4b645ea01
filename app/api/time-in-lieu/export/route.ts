import { recordAudit } from "@/lib/server/audit/record-audit";
import { getDb } from "@/lib/server/db";
import { parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { authorizeExportScope } from "@/lib/server/time-in-lieu/authorize-ledger-change";
import { startOfLocalDate } from "@/lib/server/time-in-lieu/ledger-dates";
import { listTimeInLieuExport } from "@/lib/server/time-in-lieu/list-time-in-lieu-export";
import { timeInLieuExportCsv } from "@/lib/server/time-in-lieu/time-in-lieu-csv";
import { timeInLieuExportQuerySchema } from "@/lib/shared/time-in-lieu-api";

export const dynamic = "force-dynamic";

/**
 * The payroll export: `GET /api/time-in-lieu/export?from=2026-07-01&to=2026-10-01&tz=…&team=…`
 * → CSV, one row per person, owed at start + accrued + adjusted − claimed − expired = owed at
 * end. An admin exports any team or everyone; a manager the teams they manage. Each export is
 * recorded in the audit trail.
 */
export const GET = authorizedRoute(async (request, viewer) => {
  const query = parseQuery(timeInLieuExportQuerySchema, request.url);
  const db = getDb();
  const team = await authorizeExportScope(db, viewer, query.team);
  const from = startOfLocalDate(query.from, query.tz);
  const to = startOfLocalDate(query.to, query.tz);
  const rows = await listTimeInLieuExport(db, { from, to, teamId: team?.id ?? null });
  await recordAudit(db, {
    actor: { userId: viewer.userId, label: viewer.email },
    action: "export",
    subjectType: "time_in_lieu_export",
    subjectId: `${team?.name ?? "organisation"} ${query.from}..${query.to}`,
    before: null,
    after: {
      from: query.from,
      to: query.to,
      timeZone: query.tz,
      team: team?.name ?? null,
      people: rows.length,
    },
  });
  return new Response(timeInLieuExportCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="fairshift-time-in-lieu-${query.from}-${query.to}.csv"`,
    },
  });
});

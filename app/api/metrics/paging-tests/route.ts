import { getDb } from "@/lib/server/db";
import { parseQuery, withApiErrors } from "@/lib/server/http/api-error";
import { listPagingTests } from "@/lib/server/queries/list-paging-tests";
import { reportRange } from "@/lib/shared/report-filters";
import { reportQuerySchema } from "@/lib/shared/report-query";

export const dynamic = "force-dynamic";

/**
 * Paging-test readiness: each test incident in the range with who it paged and how fast it was
 * acknowledged, and per person tests, acknowledgements and median seconds to acknowledge.
 * `GET /api/metrics/paging-tests?from=2026-07-01&to=2026-10-01&tz=Europe/Stockholm&team=…`
 */
export const GET = withApiErrors(async (request: Request) => {
  const filters = parseQuery(reportQuerySchema, request.url);
  const { tests, people } = await listPagingTests(getDb(), filters);
  return Response.json({ range: reportRange(filters), tests, people });
});

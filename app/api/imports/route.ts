import { requireDataAdmin } from "@/lib/server/access/authorize";
import { getDb } from "@/lib/server/db";
import { ApiError, parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { startImportBatch } from "@/lib/server/imports/start-import-batch";
import { listImportRuns } from "@/lib/server/queries/list-import-runs";
import { importRunsQuerySchema, startImportSchema } from "@/lib/shared/import-requests";

export const dynamic = "force-dynamic";

/** `GET /api/imports?batchId=&limit=` (admin): the latest import runs with their counts, newest first. */
export const GET = authorizedRoute(async (request, viewer) => {
  requireDataAdmin(viewer);
  const query = parseQuery(importRunsQuerySchema, request.url);
  return Response.json({ runs: await listImportRuns(getDb(), query) });
});

/**
 * `POST /api/imports` `{uploads:[{uploadId,fileName}], format, timeZone, isDryRun, mapping?}`
 * (admin): imports the uploaded files as one batch in the background; answers 202 with the batch
 * id to follow on `GET /api/imports?batchId=`.
 */
export const POST = authorizedRoute(async (request, viewer) => {
  requireDataAdmin(viewer);
  const body: unknown = await request.json().catch(() => {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  });
  const batch = await startImportBatch(getDb(), startImportSchema.parse(body));
  return Response.json(batch, { status: 202 });
});

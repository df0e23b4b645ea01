import { requireDataAdmin } from "@/lib/server/access/authorize";
import { getDb } from "@/lib/server/db";
import { ApiError, parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { getImportRun } from "@/lib/server/queries/get-import-run";
import { importRunQuerySchema } from "@/lib/shared/import-requests";

export const dynamic = "force-dynamic";

/**
 * `GET /api/imports/{id}?offset=&limit=` (admin): one import run and a page of its rejected
 * rows, which hold the raw imported data.
 */
export const GET = authorizedRoute<{ params: Promise<{ id: string }> }>(
  async (request, viewer, context) => {
    requireDataAdmin(viewer);
    const { id } = await context.params;
    const runId = Number(id);
    if (!Number.isInteger(runId) || runId <= 0) {
      throw new ApiError("bad_request", `"${id}" is not an import run id.`);
    }
    const detail = await getImportRun(
      getDb(),
      runId,
      parseQuery(importRunQuerySchema, request.url),
    );
    if (!detail) throw new ApiError("not_found", `No import run ${runId}.`);
    return Response.json(detail);
  },
);

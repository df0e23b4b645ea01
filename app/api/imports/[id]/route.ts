import { getDb } from "@/lib/server/db";
import { ApiError, parseQuery, withApiErrors } from "@/lib/server/http/api-error";
import { getImportRun } from "@/lib/server/queries/get-import-run";
import { importRunQuerySchema } from "@/lib/shared/import-requests";

export const dynamic = "force-dynamic";

/** `GET /api/imports/{id}?offset=&limit=`: one import run and a page of its rejected rows. */
export const GET = withApiErrors(
  async (request: Request, context: { params: Promise<{ id: string }> }) => {
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

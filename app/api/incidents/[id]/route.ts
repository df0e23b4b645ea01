import { getDb } from "@/lib/server/db";
import { ApiError, withApiErrors } from "@/lib/server/http/api-error";
import { getIncidentDetail } from "@/lib/server/queries/get-incident-detail";
import { updateIncidentOverrides } from "@/lib/server/queries/update-incident-overrides";
import { updateIncidentRequestSchema } from "@/lib/shared/incident-requests";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

const notFound = (id: string) =>
  new ApiError("not_found", `No incident with the Fairshift or PagerDuty id "${id}".`);

/** `GET /api/incidents/{id}`: an incident (Fairshift or PagerDuty id), its clock and timeline. */
export const GET = withApiErrors(async (_request: Request, context: Context) => {
  const { id } = await context.params;
  const detail = await getIncidentDetail(getDb(), id);
  if (!detail) throw notFound(id);
  return Response.json(detail);
});

/**
 * `PATCH /api/incidents/{id}` with `{ startedAt?: ISO instant | null, detectionOverride?: source |
 * null }`: corrects the impact start and the detection override, then answers the new detail.
 */
export const PATCH = withApiErrors(async (request: Request, context: Context) => {
  const { id } = await context.params;
  const body = await request.json().catch(() => {
    throw new ApiError(
      "bad_request",
      'The body must be JSON, e.g. {"startedAt": "2026-07-02T09:30:00Z", "detectionOverride": "customer"}.',
    );
  });
  const changes = updateIncidentRequestSchema.parse(body);
  const db = getDb();
  const updated = await updateIncidentOverrides(db, id, changes);
  const detail = updated ? await getIncidentDetail(db, updated.id) : null;
  if (!detail) throw notFound(id);
  return Response.json(detail);
});

import { authorizeIncident, requireDataAdmin } from "@/lib/server/access/authorize";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { getDb } from "@/lib/server/db";
import { ApiError } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { getIncidentDetail, type IncidentDetail } from "@/lib/server/queries/get-incident-detail";
import { getIncidentTeams } from "@/lib/server/queries/get-incident-teams";
import { updateIncidentOverrides } from "@/lib/server/queries/update-incident-overrides";
import { updateIncidentRequestSchema } from "@/lib/shared/incident-requests";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

const notFound = (id: string) =>
  new ApiError("not_found", `No incident with the Fairshift or PagerDuty id "${id}".`);

/** What a correction changes, for the audit trail. */
const correctable = (detail: IncidentDetail) => ({
  startedAt: detail.clock.startedAt,
  startedAtSource: detail.clock.startedAtSource,
  detectionOverride: detail.detection.override,
  detectionSource: detail.detection.source,
});

/**
 * `GET /api/incidents/{id}`: an incident (Fairshift or PagerDuty id), its clock and timeline;
 * for a viewer who sees the organisation or one of the incident's teams.
 */
export const GET = authorizedRoute<Context>(async (_request, viewer, context) => {
  const { id } = await context.params;
  const db = getDb();
  const incident = await getIncidentTeams(db, id);
  if (!incident) throw notFound(id);
  await authorizeIncident(db, viewer, incident.teamIds);
  const detail = await getIncidentDetail(db, incident.id);
  if (!detail) throw notFound(id);
  return Response.json(detail);
});

/**
 * `PATCH /api/incidents/{id}` with `{ startedAt?: ISO instant | null, detectionOverride?: source |
 * null }` (admin): corrects the impact start and the detection override, records the change in
 * the audit trail, then answers the new detail.
 */
export const PATCH = authorizedRoute<Context>(async (request, viewer, context) => {
  requireDataAdmin(viewer);
  const { id } = await context.params;
  const body = await request.json().catch(() => {
    throw new ApiError(
      "bad_request",
      'The body must be JSON, e.g. {"startedAt": "2026-07-02T09:30:00Z", "detectionOverride": "customer"}.',
    );
  });
  const changes = updateIncidentRequestSchema.parse(body);
  const db = getDb();
  const before = await getIncidentDetail(db, id);
  const updated = before ? await updateIncidentOverrides(db, id, changes) : null;
  const detail = updated ? await getIncidentDetail(db, updated.id) : null;
  if (!before || !detail) throw notFound(id);
  await recordAudit(db, {
    actor: { userId: viewer.userId, label: viewer.email },
    action: "incident.corrected",
    subjectType: "incident",
    subjectId: detail.id,
    before: correctable(before),
    after: correctable(detail),
  });
  return Response.json(detail);
});

import { getDb } from "@/lib/server/db";
import { parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { listClaims } from "@/lib/server/time-in-lieu/list-claims";
import { claimsShown } from "@/lib/shared/access-policy";
import { type ClaimsResponse, claimsQuerySchema } from "@/lib/shared/time-in-lieu-api";

export const dynamic = "force-dynamic";

/**
 * `GET /api/time-in-lieu/claims?status=pending|approved|rejected|all` (default pending): the
 * approval queue — claims of the people in the teams the viewer manages (an admin: everyone's),
 * never their own; an engineer gets their own claims. Pending oldest first.
 */
export const GET = authorizedRoute(async (request, viewer) => {
  const { status } = parseQuery(claimsQuerySchema, request.url);
  const claims = await listClaims(
    getDb(),
    { shown: claimsShown(viewer), exceptPersonId: viewer.personId },
    status,
  );
  return Response.json({ claims } satisfies ClaimsResponse);
});

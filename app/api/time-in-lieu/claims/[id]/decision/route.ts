import { getDb } from "@/lib/server/db";
import { ApiError } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { authorizeDecider } from "@/lib/server/time-in-lieu/authorize-ledger-change";
import { decideClaim } from "@/lib/server/time-in-lieu/decide-claim";
import { getClaim } from "@/lib/server/time-in-lieu/get-claim";
import { readJsonBody } from "@/lib/server/time-in-lieu/route-input";
import { type ClaimResponse, claimDecisionSchema } from "@/lib/shared/time-in-lieu-api";

export const dynamic = "force-dynamic";

/**
 * `POST /api/time-in-lieu/claims/{id}/decision` `{decision: "approve"|"reject", comment?}`: a
 * manager of the claimant's team decides a pending claim → 200 `{claim}`. 404 for no such claim,
 * 403 for one's own claim or a claimant outside one's teams, 400 for a rejection without a
 * comment, 409 when already decided, 422 when approving more than is now owed.
 */
export const POST = authorizedRoute(
  async (request, viewer, context: { params: Promise<{ id: string }> }) => {
    const { id } = await context.params;
    const db = getDb();
    const claim = /^\d{1,9}$/.test(id) ? await getClaim(db, Number(id)) : null;
    if (!claim) throw new ApiError("not_found", `No claim "${id}".`);
    const body = await readJsonBody(request);
    const verb =
      (body as { decision?: unknown } | null)?.decision === "reject" ? "reject" : "approve";
    const person = await authorizeDecider(db, viewer, claim.personId, {
      own: `${verb} your own claim`,
      others: "approve or reject their claims",
    });
    const input = claimDecisionSchema.parse(body);
    return Response.json({
      claim: await decideClaim(db, viewer, claim.id, person, input),
    } satisfies ClaimResponse);
  },
);

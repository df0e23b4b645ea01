import { getDb } from "@/lib/server/db";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { authorizeClaimant } from "@/lib/server/time-in-lieu/authorize-ledger-change";
import { decodePathSegment, readJsonBody } from "@/lib/server/time-in-lieu/route-input";
import { submitClaim } from "@/lib/server/time-in-lieu/submit-claim";
import { type ClaimResponse, submitClaimSchema } from "@/lib/shared/time-in-lieu-api";

export const dynamic = "force-dynamic";

/**
 * `POST /api/people/{person}/time-in-lieu/claims` `{hours, date, note?, requestId}`: the engineer
 * claims time off from their own ledger → 201 `{claim}` (pending). 403 on anyone else's ledger,
 * 400 for bad input, 409 for a second submission of the same form, 422 over what is owed.
 */
export const POST = authorizedRoute(
  async (request, viewer, context: { params: Promise<{ person: string }> }) => {
    const db = getDb();
    const person = await authorizeClaimant(
      db,
      viewer,
      decodePathSegment((await context.params).person),
    );
    const input = submitClaimSchema.parse(await readJsonBody(request));
    const claim = await submitClaim(db, viewer, person, input);
    return Response.json({ claim } satisfies ClaimResponse, { status: 201 });
  },
);

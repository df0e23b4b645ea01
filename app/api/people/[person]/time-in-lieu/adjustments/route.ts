import { authorizePerson } from "@/lib/server/access/authorize";
import { getDb } from "@/lib/server/db";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { addAdjustment } from "@/lib/server/time-in-lieu/add-adjustment";
import { authorizeDecider } from "@/lib/server/time-in-lieu/authorize-ledger-change";
import { decodePathSegment, readJsonBody } from "@/lib/server/time-in-lieu/route-input";
import { type AdjustmentResponse, adjustmentSchema } from "@/lib/shared/time-in-lieu-api";

export const dynamic = "force-dynamic";

/**
 * `POST /api/people/{person}/time-in-lieu/adjustments` `{hours (signed), date?, reason}`: a
 * manager of the person's team corrects their ledger → 201 `{adjustment}`. 404 for someone the
 * viewer cannot see, 403 on their own ledger or outside their teams, 422 when removing more than
 * is owed.
 */
export const POST = authorizedRoute(
  async (request, viewer, context: { params: Promise<{ person: string }> }) => {
    const db = getDb();
    const seen = await authorizePerson(
      db,
      viewer,
      decodePathSegment((await context.params).person),
    );
    const person = await authorizeDecider(db, viewer, seen.id, {
      own: "adjust your own time in lieu",
      others: "adjust their time in lieu",
    });
    const input = adjustmentSchema.parse(await readJsonBody(request));
    const adjustment = await addAdjustment(db, viewer, person, input);
    return Response.json({ adjustment } satisfies AdjustmentResponse, { status: 201 });
  },
);

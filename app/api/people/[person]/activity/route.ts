import { authorizePerson } from "@/lib/server/access/authorize";
import { getDb } from "@/lib/server/db";
import { ApiError, parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { getPersonActivity } from "@/lib/server/queries/get-person-activity";
import { reportQuerySchema } from "@/lib/shared/report-query";

export const dynamic = "force-dynamic";

/** The path segment as typed (an e-mail arrives as `a%40b.com`); a malformed escape stays as is. */
function decodePersonKey(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * One person's activity for the person screen:
 * `GET /api/people/{id|PagerDuty id|email}/activity?from=2026-07-01&to=2026-10-01&tz=UTC` —
 * their report row, shifts, on-call days, interruptions and call-outs in the range. For the
 * person themself, a manager of one of their teams or an admin; anyone else gets a 404.
 */
export const GET = authorizedRoute<{ params: Promise<{ person: string }> }>(
  async (request, viewer, context) => {
    const key = decodePersonKey((await context.params).person);
    const filters = parseQuery(reportQuerySchema, request.url);
    const db = getDb();
    const person = await authorizePerson(db, viewer, key);
    const activity = await getPersonActivity(db, String(person.id), filters);
    if (!activity)
      throw new ApiError("not_found", `No person "${key}": use an id, PagerDuty id or e-mail.`);
    return Response.json(activity);
  },
);

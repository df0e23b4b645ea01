import { getDb } from "@/lib/server/db";
import { ApiError, parseQuery, withApiErrors } from "@/lib/server/http/api-error";
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
 * their report row, shifts, on-call days, interruptions and call-outs in the range.
 */
export const GET = withApiErrors(
  async (request: Request, context: { params: Promise<{ person: string }> }) => {
    const person = decodePersonKey((await context.params).person);
    const filters = parseQuery(reportQuerySchema, request.url);
    const activity = await getPersonActivity(getDb(), person, filters);
    if (!activity)
      throw new ApiError("not_found", `No person "${person}": use an id, PagerDuty id or e-mail.`);
    return Response.json(activity);
  },
);

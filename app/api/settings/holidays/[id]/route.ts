import { getDb } from "@/lib/server/db";
import { ApiError, withApiErrors } from "@/lib/server/http/api-error";
import { deleteHolidayOverride } from "@/lib/server/queries/delete-holiday-override";

export const dynamic = "force-dynamic";

/** `DELETE /api/settings/holidays/{id}`: the date is again what the holiday library says. */
export const DELETE = withApiErrors(
  async (_request: Request, context: { params: Promise<{ id: string }> }) => {
    const { id } = await context.params;
    const overrideId = Number(id);
    // Ids are int4: anything else cannot name an override.
    if (!/^\d+$/.test(id) || overrideId <= 0 || overrideId > 2_147_483_647) {
      throw new ApiError("bad_request", `id: "${id}" is not a holiday override id.`);
    }
    return Response.json(await deleteHolidayOverride(getDb(), overrideId));
  },
);

import { requireDataAdmin } from "@/lib/server/access/authorize";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { getDb } from "@/lib/server/db";
import { ApiError } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { deleteHolidayOverride } from "@/lib/server/queries/delete-holiday-override";
import { listHolidayOverrideRows } from "@/lib/server/queries/list-holiday-override-rows";

export const dynamic = "force-dynamic";

/** `DELETE /api/settings/holidays/{id}` (admin): the date is again what the holiday library says. */
export const DELETE = authorizedRoute<{ params: Promise<{ id: string }> }>(
  async (_request, viewer, context) => {
    requireDataAdmin(viewer);
    const { id } = await context.params;
    const overrideId = Number(id);
    // Ids are int4: anything else cannot name an override.
    if (!/^\d+$/.test(id) || overrideId <= 0 || overrideId > 2_147_483_647) {
      throw new ApiError("bad_request", `id: "${id}" is not a holiday override id.`);
    }
    const db = getDb();
    const [before] = await listHolidayOverrideRows(db, { id: overrideId });
    const deleted = await deleteHolidayOverride(db, overrideId);
    await recordAudit(db, {
      actor: { userId: viewer.userId, label: viewer.email },
      action: "holiday.deleted",
      subjectType: "holiday",
      subjectId: overrideId,
      before: before ?? null,
      after: null,
    });
    return Response.json(deleted);
  },
);

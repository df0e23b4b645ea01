import { requireDataAdmin } from "@/lib/server/access/authorize";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { getDb } from "@/lib/server/db";
import { ApiError, parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { deleteRegionHolidayOverrides } from "@/lib/server/queries/delete-holiday-override";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { listHolidayOverrideRows } from "@/lib/server/queries/list-holiday-override-rows";
import { listHolidaySettings } from "@/lib/server/queries/list-holiday-settings";
import { saveHolidayOverride } from "@/lib/server/queries/save-holiday-override";
import { hasAnyRole } from "@/lib/shared/access-policy";
import {
  holidaySettingsQuerySchema,
  resetHolidayRegionQuerySchema,
  saveHolidayOverrideSchema,
} from "@/lib/shared/settings-requests";

export const dynamic = "force-dynamic";

/**
 * `GET /api/settings/holidays?region=SE&year=2026` (any account with a role): the regions people's
 * holidays come from, every override, and the region's library holidays that year (default: the
 * most common region, this year).
 */
export const GET = authorizedRoute(async (request, viewer) => {
  if (!hasAnyRole(viewer)) {
    throw new ApiError("forbidden", "Your account has no role yet: ask an admin to grant you one.");
  }
  const query = parseQuery(holidaySettingsQuerySchema, request.url);
  const db = getDb();
  return Response.json(await listHolidaySettings(db, await getMetricSettings(db), query));
});

/**
 * `POST /api/settings/holidays` `{region, date, name, isHoliday}` (admin): adds a holiday (or marks
 * a library one "not a holiday here"), then derives the region's time in lieu on that date again.
 */
export const POST = authorizedRoute(async (request, viewer) => {
  requireDataAdmin(viewer);
  const body: unknown = await request.json().catch(() => {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  });
  const { region, date } = saveHolidayOverrideSchema.parse(body);
  const db = getDb();
  const [before] = await listHolidayOverrideRows(db, { region, date });
  const saved = await saveHolidayOverride(db, body);
  await recordAudit(db, {
    actor: { userId: viewer.userId, label: viewer.email },
    action: "holiday.saved",
    subjectType: "holiday",
    subjectId: saved.override.id,
    before: before ?? null,
    after: saved.override,
  });
  return Response.json(saved, { status: 201 });
});

/** `DELETE /api/settings/holidays?region=SE` (admin): removes every override of the region. */
export const DELETE = authorizedRoute(async (request, viewer) => {
  requireDataAdmin(viewer);
  const { region } = parseQuery(resetHolidayRegionQuerySchema, request.url);
  const db = getDb();
  const before = await listHolidayOverrideRows(db, { region });
  const deleted = await deleteRegionHolidayOverrides(db, region);
  await recordAudit(db, {
    actor: { userId: viewer.userId, label: viewer.email },
    action: "holiday.deleted",
    subjectType: "holiday-region",
    subjectId: region,
    before,
    after: null,
  });
  return Response.json(deleted);
});

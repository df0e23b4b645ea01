import { getDb } from "@/lib/server/db";
import { ApiError, parseQuery, withApiErrors } from "@/lib/server/http/api-error";
import { deleteRegionHolidayOverrides } from "@/lib/server/queries/delete-holiday-override";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { listHolidaySettings } from "@/lib/server/queries/list-holiday-settings";
import { saveHolidayOverride } from "@/lib/server/queries/save-holiday-override";
import {
  holidaySettingsQuerySchema,
  resetHolidayRegionQuerySchema,
} from "@/lib/shared/settings-requests";

export const dynamic = "force-dynamic";

/**
 * `GET /api/settings/holidays?region=SE&year=2026`: the regions people's holidays come from, every
 * override, and the region's library holidays that year (default: the most common region, this year).
 */
export const GET = withApiErrors(async (request: Request) => {
  const query = parseQuery(holidaySettingsQuerySchema, request.url);
  const db = getDb();
  return Response.json(await listHolidaySettings(db, await getMetricSettings(db), query));
});

/**
 * `POST /api/settings/holidays` `{region, date, name, isHoliday}`: adds a holiday (or marks a
 * library one "not a holiday here"), then derives the region's time in lieu on that date again.
 */
export const POST = withApiErrors(async (request: Request) => {
  const body: unknown = await request.json().catch(() => {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  });
  return Response.json(await saveHolidayOverride(getDb(), body), { status: 201 });
});

/** `DELETE /api/settings/holidays?region=SE`: removes every override of the region. */
export const DELETE = withApiErrors(async (request: Request) => {
  const { region } = parseQuery(resetHolidayRegionQuerySchema, request.url);
  return Response.json(await deleteRegionHolidayOverrides(getDb(), region));
});

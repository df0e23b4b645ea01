import type { z } from "zod";
import { isKnownHolidayRegion } from "@/lib/metrics/holidays";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { ApiError } from "@/lib/server/http/api-error";
import type { DeriveAccrualsResult } from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import { rederiveRegionAccruals } from "@/lib/server/time-in-lieu/rederive-region-accruals";
import { saveHolidayOverrideSchema } from "@/lib/shared/settings-requests";
import { Prisma } from "@/prisma/generated/client/client";
import { getMetricSettings } from "./get-metric-settings";

export interface HolidayOverrideRow {
  id: number;
  region: string;
  /** YYYY-MM-DD */
  date: string;
  name: string;
  isHoliday: boolean;
  createdAt: string;
}

export interface SaveHolidayOverrideResult {
  override: HolidayOverrideRow;
  /** The region's people's accruals on that date, derived again with the new calendar. */
  timeInLieuRederived: DeriveAccrualsResult;
}

export const HOLIDAY_OVERRIDE_COLUMNS = Prisma.sql`id, region, to_char(date, 'YYYY-MM-DD') AS date,
  name, is_holiday AS "isHoliday", to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

/** Refuses a region date-holidays does not know: a typo must not silently mean "no holidays". */
export function assertKnownHolidayRegion(region: string): void {
  if (!isKnownHolidayRegion(region)) {
    throw new ApiError(
      "bad_request",
      `region: the holiday library does not know "${region}": use a country code such as SE or GB, or country-state such as US-NY.`,
    );
  }
}

/**
 * Adds a holiday to a region, or marks the library's holiday on that date "not a holiday here";
 * one override per region and date, so saving the same date again replaces it. Time-in-lieu
 * accruals are stored, so the region's call-outs on that date are derived again; interruptions,
 * on-call hours and rest are computed per report and follow at once.
 */
export async function saveHolidayOverride(
  db: PrismaClient,
  input: unknown,
): Promise<SaveHolidayOverrideResult> {
  const request: z.output<typeof saveHolidayOverrideSchema> =
    saveHolidayOverrideSchema.parse(input);
  assertKnownHolidayRegion(request.region);
  const [override] = await db.$queryRaw<HolidayOverrideRow[]>(Prisma.sql`
    INSERT INTO holidays (region, date, name, is_holiday)
    VALUES (${request.region}, ${request.date}::date, ${request.name}, ${request.isHoliday})
    ON CONFLICT (region, date) DO UPDATE SET name = excluded.name, is_holiday = excluded.is_holiday
    RETURNING ${HOLIDAY_OVERRIDE_COLUMNS}`);
  if (!override) throw new Error("Saving the holiday override returned no row.");
  const timeInLieuRederived = await rederiveRegionAccruals(
    db,
    request.region,
    [request.date],
    await getMetricSettings(db),
  );
  return { override, timeInLieuRederived };
}

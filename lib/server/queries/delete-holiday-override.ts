import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { ApiError } from "@/lib/server/http/api-error";
import type { DeriveAccrualsResult } from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import { rederiveRegionAccruals } from "@/lib/server/time-in-lieu/rederive-region-accruals";
import { Prisma } from "@/prisma/generated/client/client";
import { getMetricSettings } from "./get-metric-settings";

export interface DeleteHolidayOverridesResult {
  deleted: number;
  /** The region's people's accruals on the freed dates, derived again with the library's calendar. */
  timeInLieuRederived: DeriveAccrualsResult;
}

async function rederiveAfterDelete(
  db: PrismaClient,
  rows: { region: string; date: string }[],
): Promise<DeleteHolidayOverridesResult> {
  const settings = await getMetricSettings(db);
  const total: DeriveAccrualsResult = {
    people: 0,
    accruals: 0,
    inserted: 0,
    updated: 0,
    deleted: 0,
  };
  const regions = [...new Set(rows.map((row) => row.region))];
  for (const region of regions) {
    const dates = rows.filter((row) => row.region === region).map((row) => row.date);
    const result = await rederiveRegionAccruals(db, region, dates, settings);
    total.people += result.people;
    total.accruals += result.accruals;
    total.inserted += result.inserted;
    total.updated += result.updated;
    total.deleted += result.deleted;
  }
  return { deleted: rows.length, timeInLieuRederived: total };
}

/** Removes one override: the date is again what the holiday library says. 404 when unknown. */
export async function deleteHolidayOverride(
  db: PrismaClient,
  id: number,
): Promise<DeleteHolidayOverridesResult> {
  const rows = await db.$queryRaw<{ region: string; date: string }[]>(Prisma.sql`
    DELETE FROM holidays WHERE id = ${id} RETURNING region, to_char(date, 'YYYY-MM-DD') AS date`);
  if (rows.length === 0) throw new ApiError("not_found", `No holiday override with id ${id}.`);
  return rederiveAfterDelete(db, rows);
}

/** "Reset to defaults" for a region: every override removed, the library's holidays apply again. */
export async function deleteRegionHolidayOverrides(
  db: PrismaClient,
  region: string,
): Promise<DeleteHolidayOverridesResult> {
  const rows = await db.$queryRaw<{ region: string; date: string }[]>(Prisma.sql`
    DELETE FROM holidays WHERE region = ${region} RETURNING region, to_char(date, 'YYYY-MM-DD') AS date`);
  return rederiveAfterDelete(db, rows);
}

import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import { HOLIDAY_OVERRIDE_COLUMNS, type HolidayOverrideRow } from "./save-holiday-override";

/**
 * Stored holiday overrides as the settings API shows them: one by id, or a region's (on one date
 * when given). What a change replaces or removes, for the audit trail.
 */
export function listHolidayOverrideRows(
  db: PrismaClient,
  filter: { id: number } | { region: string; date?: string },
): Promise<HolidayOverrideRow[]> {
  const where =
    "id" in filter
      ? Prisma.sql`id = ${filter.id}`
      : filter.date === undefined
        ? Prisma.sql`region = ${filter.region}`
        : Prisma.sql`region = ${filter.region} AND date = ${filter.date}::date`;
  return db.$queryRaw<HolidayOverrideRow[]>(Prisma.sql`
    SELECT ${HOLIDAY_OVERRIDE_COLUMNS} FROM holidays WHERE ${where} ORDER BY date, id`);
}

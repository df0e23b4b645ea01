import type { HolidayOverride } from "@/lib/metrics/holidays";
import type { QueryReader } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

/** Admin holiday overrides (added or removed public holidays), by region. */
export async function listHolidayOverrides(
  db: QueryReader,
): Promise<Map<string, HolidayOverride[]>> {
  const rows = await db.$queryRaw<{ region: string; date: string; isHoliday: boolean }[]>(
    Prisma.sql`SELECT region, to_char(date, 'YYYY-MM-DD') AS date, is_holiday AS "isHoliday"
               FROM holidays ORDER BY region, date`,
  );
  const byRegion = new Map<string, HolidayOverride[]>();
  for (const { region, ...override } of rows) {
    const overrides = byRegion.get(region) ?? [];
    overrides.push(override);
    byRegion.set(region, overrides);
  }
  return byRegion;
}

import type { DatedTimeInLieuPolicy } from "@/lib/metrics/time-in-lieu-policies";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

/** Every stored time-in-lieu policy (a handful of rows: one per team per change). */
export function listTimeInLieuPolicies(db: PrismaClient): Promise<DatedTimeInLieuPolicy[]> {
  return db.$queryRaw<DatedTimeInLieuPolicy[]>(Prisma.sql`
    SELECT team_id AS "teamId", effective_from AS "effectiveFrom",
      minimum_off_minutes AS "minimumOffMinutes", minimum_sleep_minutes AS "minimumSleepMinutes",
      round_up_to_minutes AS "roundUpToMinutes", cap_minutes AS "capMinutes",
      weekend_multiplier_percent AS "weekendMultiplierPercent",
      holiday_multiplier_percent AS "holidayMultiplierPercent", expiry_days AS "expiryDays"
    FROM time_in_lieu_policies ORDER BY effective_from`);
}

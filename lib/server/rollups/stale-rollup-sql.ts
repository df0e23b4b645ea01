import { Prisma } from "@/prisma/generated/client/client";

/**
 * The one staleness rule, for a change `c` (incident_measure_changes) and a rollup `r`
 * (incident_measure_rollups): the change is on a UTC day the rollup covers and was committed
 * by a transaction the rollup's snapshot did not see.
 */
export const changeMakesRollupStaleSql = Prisma.sql`
  c.day >= (r.range_start AT TIME ZONE 'UTC')::date
  AND c.day <= ((r.range_end - interval '1 millisecond') AT TIME ZONE 'UTC')::date
  AND NOT pg_visible_in_snapshot(c.changed_by, r.snapshot)`;

import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

/** Every event type Fairshift has received (e.g. incident.resolved), sorted, for the log's filter. */
export async function listWebhookEventTypes(db: PrismaClient): Promise<string[]> {
  const rows = await db.$queryRaw<{ eventType: string }[]>(Prisma.sql`
    SELECT DISTINCT event_type AS "eventType"
    FROM webhook_deliveries
    WHERE event_type IS NOT NULL
    ORDER BY 1`);
  return rows.map((row) => row.eventType);
}
